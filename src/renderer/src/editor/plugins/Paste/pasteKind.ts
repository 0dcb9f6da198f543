/** How a paste goes into the editor. */
export type PasteKind =
  /** Lexical's own import: its copied nodes, rich HTML, files. */
  | 'default'
  /** Character for character, line breaks and blank lines included (inside a code block). */
  | 'literal'
  /** Paragraphs and line breaks only, in the style around the caret (Mod+Shift+V). */
  | 'plain'
  /** Plain text read as Markdown, as a document is read. */
  | 'markdown'

/** What a paste carries and where it lands. */
export type PasteInput = {
  /** The clipboard's MIME types. */
  types: readonly string[]
  text: string
  html: string
  /** The writer pressed Mod+Shift+V for this paste. */
  plainRequested: boolean
  /** The caret is in a code block (or a block kept as Markdown source). */
  inCode: boolean
}

/** Copied from Lexical (Quire or another Lexical app): its own nodes, exactly. */
const LEXICAL_MIME = 'application/x-lexical-editor'
/** VS Code copies source as coloured HTML; what the writer copied is the Markdown text. */
const CODE_EDITOR_MIME = 'vscode-editor-data'

/** Decides how a paste is imported: plain text is Markdown, rich HTML stays Lexical's. */
export function choosePaste(input: PasteInput): PasteKind {
  if (input.text === '') return 'default'
  if (input.inCode) return 'literal'
  if (input.plainRequested) return 'plain'
  if (input.types.includes(LEXICAL_MIME)) return 'default'
  if (input.types.includes(CODE_EDITOR_MIME)) return 'markdown'
  // Some platforms send the plain text again as "HTML" (Lexical skips that case too).
  if (input.html !== '' && input.html !== input.text) return 'default'
  return 'markdown'
}
