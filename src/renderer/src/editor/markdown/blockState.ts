import { createState } from 'lexical'

/**
 * What a top-level block remembers about the file it came from, so that what the writer did not
 * touch is written back byte for byte. Kept as Lexical node state: it follows the node through
 * edits and undo, and it dies with the node.
 */

/** The exact whitespace between this block and the one before it in the file (`\n\n`, `\n`, …). */
export type BlockGap = { text: string; afterKey: string | null }

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null

export const gapState = createState('quireGap', {
  parse: (value): BlockGap | null =>
    isRecord(value) &&
    typeof value.text === 'string' &&
    (typeof value.afterKey === 'string' || value.afterKey === null)
      ? { text: value.text, afterKey: value.afterKey }
      : null,
})

/** A block the editor shows as rich text but would write differently: its original source. */
export type BlockSource = { source: string; exported: string }

export const sourceState = createState('quireSource', {
  parse: (value): BlockSource | null =>
    isRecord(value) && typeof value.source === 'string' && typeof value.exported === 'string'
      ? { source: value.source, exported: value.exported }
      : null,
})

/** A block of Markdown the editor cannot represent (a table, HTML, front matter): kept verbatim. */
export const verbatimState = createState('quireVerbatim', {
  parse: (value): boolean => value === true,
})

/** The whitespace after the last block (usually one `\n`), kept on the root. */
export const trailingState = createState('quireTrailing', {
  parse: (value): string | null => (typeof value === 'string' ? value : null),
})

/** The code-block language that marks a verbatim block (styled as Markdown source). */
export const VERBATIM_LANGUAGE = 'quire-markdown-source'
