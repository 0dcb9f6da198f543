import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'

/** Every .ts/.tsx file under `dir`, recursively. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter(
      (entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts'),
    )
    .map((entry) => join(entry.parentPath, entry.name))
}

const parsed = new Map<string, ts.SourceFile>()

/** Parses one file (once per run) and calls `visit` on every node. */
export function walk(file: string, visit: (node: ts.Node, source: ts.SourceFile) => void): void {
  let source = parsed.get(file)
  if (!source) {
    source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
    parsed.set(file, source)
  }
  const go = (node: ts.Node): void => {
    visit(node, source)
    ts.forEachChild(node, go)
  }
  go(source)
}

/** `file:line` of a node, for a failure message that leads straight to it. */
export const where = (node: ts.Node, source: ts.SourceFile): string =>
  `${source.fileName}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`

/** Words a reader would read: any letter or CJK character (symbols such as ☰ or ▶ are not). */
export const hasWords = (text: string): boolean => /[\p{L}]/u.test(text)

/**
 * Text that reads the same in every language: key names, sampling parameters, the language
 * names each written in its own language, and example addresses.
 */
const UNTRANSLATED = new Set(['Esc', 'LoRA', '· T', '· top-p', '· top-k', '中文', 'English'])
const isExampleAddress = (text: string) => /^[a-z]+:\S+$/i.test(text)

const TEXT_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description'])

/**
 * UI text written into TSX instead of going through i18n: JSX text with words, and string
 * literals in attributes a writer reads or hears (aria-label, title, placeholder, alt).
 */
export function literalUiText(file: string): string[] {
  const found: string[] = []
  walk(file, (node, source) => {
    if (ts.isJsxText(node) && hasWords(node.text) && !UNTRANSLATED.has(node.text.trim()))
      found.push(`${where(node, source)} ${JSON.stringify(node.text.trim())}`)
    if (
      ts.isJsxAttribute(node) &&
      TEXT_ATTRIBUTES.has(node.name.getText(source)) &&
      node.initializer &&
      ts.isStringLiteral(node.initializer) &&
      hasWords(node.initializer.text) &&
      !isExampleAddress(node.initializer.text)
    )
      found.push(
        `${where(node, source)} ${node.name.getText(source)}=${node.initializer.getText(source)}`,
      )
  })
  return found
}
