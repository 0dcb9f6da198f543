import { isMap, isScalar, parseDocument, stringify } from 'yaml'

export type FrontMatterEdit = {
  /** Top-level string fields to set (added at the end when absent). */
  set?: Record<string, string | number>
  /** Top-level fields to remove, with their lines. */
  remove?: readonly string[]
}

/**
 * Changes a few top-level front-matter fields in place, leaving every other line, comment and
 * the body exactly as written. Null when the text has no readable front matter.
 */
export function editFrontMatter(text: string, edit: FrontMatterEdit): string | null {
  const open = /^\uFEFF?---\r?\n/.exec(text)
  if (!open) return null
  const start = open[0].length
  const close = /^---[ \t]*(\r?\n|$)/m.exec(text.slice(start))
  if (!close) return null
  const yamlText = text.slice(start, start + close.index)
  const document = parseDocument(yamlText)
  if (document.errors.length > 0 || !isMap(document.contents)) return null
  const newline = yamlText.includes('\r\n') ? '\r\n' : '\n'

  const splices: { from: number; to: number; insert: string }[] = []
  const appended: string[] = []
  for (const [key, value] of Object.entries(edit.set ?? {})) {
    const scalar = stringify(value, { lineWidth: 0 }).trimEnd()
    const node = document.contents.get(key, true)
    if (isScalar(node) && node.range) {
      splices.push({ from: node.range[0], to: node.range[1], insert: scalar })
    } else {
      appended.push(`${key}: ${scalar}${newline}`)
    }
  }
  for (const key of edit.remove ?? []) {
    const pair = document.contents.items.find(
      (item) => isScalar(item.key) && item.key.value === key,
    )
    const keyRange = isScalar(pair?.key) ? pair.key.range : undefined
    const valueNode = pair?.value as { range?: [number, number, number] } | null | undefined
    if (!keyRange) continue
    const lineStart = yamlText.lastIndexOf('\n', keyRange[0] - 1) + 1
    const end = valueNode?.range?.[2] ?? keyRange[2]
    const lineEnd = yamlText.indexOf('\n', Math.max(end - 1, keyRange[0]))
    splices.push({
      from: lineStart,
      to: lineEnd === -1 ? yamlText.length : lineEnd + 1,
      insert: '',
    })
  }
  let edited = yamlText
  for (const splice of splices.sort((a, b) => b.from - a.from))
    edited = edited.slice(0, splice.from) + splice.insert + edited.slice(splice.to)
  if (appended.length > 0 && edited !== '' && !edited.endsWith('\n')) edited += newline
  edited += appended.join('')
  return text.slice(0, start) + edited + text.slice(start + close.index)
}
