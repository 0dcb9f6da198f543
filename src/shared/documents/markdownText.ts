import { countText, type TextCounts } from '../text/countWords'

const BLOCK_MARKER =
  /^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)/
const FENCE = /^[ \t]{0,3}(?:```|~~~)/
const RULE = /^[ \t]{0,3}(?:[-*_][ \t]*){3,}$/

/** One line without its Markdown block markers (heading #, quote >, list bullets). */
function stripBlockMarkers(line: string): string {
  let rest = line
  for (let guard = 0; guard < 8; guard++) {
    const next = rest.replace(BLOCK_MARKER, '')
    if (next === rest) break
    rest = next
  }
  return rest
}

/** Inline Markdown reduced to the words a reader sees: links keep their text, markers go. */
function stripInline(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|~~|\*|_|`)(?=\S)([^]*?\S)\1/g, '$2')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!~>|])/g, '$1')
}

/** The text a reader sees in a Markdown document: block and inline markers removed, code kept. */
export function markdownToPlainText(markdown: string): string {
  const out: string[] = []
  let inFence = false
  for (const line of markdown.split('\n')) {
    if (FENCE.test(line)) {
      inFence = !inFence
      continue
    }
    if (inFence) out.push(line)
    else if (!RULE.test(line)) out.push(stripInline(stripBlockMarkers(line)))
  }
  return out.join('\n')
}

/** Words and characters of a Markdown document, as the status bar and the list show them. */
export function countMarkdown(markdown: string): TextCounts {
  return countText(markdownToPlainText(markdown))
}

const TITLE_MAX = 80

/**
 * A document's title: its first line with text, without Markdown markers, at most 80
 * characters; empty when the document has no text yet (callers show the file name then).
 */
export function titleFromText(markdown: string): string {
  // Only the first lines are looked at: a 15 MB draft must not be scanned for its title.
  const head = markdown.slice(0, 4_096)
  let inFence = false
  for (const line of head.split('\n')) {
    if (FENCE.test(line)) {
      inFence = !inFence
      continue
    }
    if (inFence && line.trim() === '') continue
    const text = (inFence ? line : stripInline(stripBlockMarkers(line))).trim()
    if (text === '' || RULE.test(line)) continue
    const chars = Array.from(text)
    return chars.length > TITLE_MAX ? `${chars.slice(0, TITLE_MAX).join('').trimEnd()}…` : text
  }
  return ''
}
