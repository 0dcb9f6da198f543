/** How a paste goes into the editor. */
export type PasteKind =
  /** Lexical's own paste: its copied nodes, files. */
  | 'default'
  /** Rich HTML through Lexical's HTML import, without the empty paragraphs it makes. */
  | 'html'
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

/** Decides how a paste is imported: plain text is Markdown, rich HTML goes through Lexical. */
export function choosePaste(input: PasteInput): PasteKind {
  const { text, html, types } = input
  if (input.inCode) return text ? 'literal' : 'default'
  if (input.plainRequested && text) return 'plain'
  if (types.includes(LEXICAL_MIME)) return 'default'
  if (types.includes(CODE_EDITOR_MIME) && text) return 'markdown'
  // Some platforms send the plain text again as "HTML" (Lexical skips that case too).
  if (html !== '' && html !== text) return 'html'
  return text ? 'markdown' : 'default'
}
