/** The name of a new document until its first line names it. */
export const UNTITLED = 'Untitled'

const AUTOMATIC_NAME = /^Untitled(?: \d+)?\.md$/

/** Whether a file still has the automatic name Quire gave it ("Untitled.md", "Untitled 3.md"). */
export function hasAutomaticName(fileName: string): boolean {
  return AUTOMATIC_NAME.test(fileName)
}

/** The documents Quire lists: Markdown and plain text. */
export function isDocumentFile(fileName: string): boolean {
  return /\.(md|markdown|txt)$/i.test(fileName) && !fileName.startsWith('.')
}

// Characters Windows, macOS or Linux refuse in a file name, and control characters.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\\/:*?"<>|\u0000-\u001f\u007f]/
const UNSAFE = new RegExp(UNSAFE_CHARS.source, 'g')
const NAME_MAX = 60
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i

/**
 * A file name stem made from a title: unsafe characters removed, spaces collapsed, no leading
 * or trailing dots, at most 60 characters; empty when nothing usable is left.
 */
export function fileStemFromTitle(title: string): string {
  const cleaned = title
    .replace(/…$/, '')
    .replace(UNSAFE, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '')
  const stem = Array.from(cleaned).slice(0, NAME_MAX).join('').trim()
  return RESERVED.test(stem) ? `${stem}_` : stem
}

/**
 * Checks a name the writer typed for a document; returns the file name (with `.md` added when
 * it has no `.md`/`.txt` ending) or a reason it cannot be used.
 */
export function checkDocumentName(
  name: string,
): { ok: true; fileName: string } | { ok: false; reason: string } {
  const trimmed = name.trim()
  if (trimmed === '') return { ok: false, reason: 'Give the document a name.' }
  if (/[\\/]/.test(trimmed))
    return { ok: false, reason: 'A name cannot contain / or \\; use a name, not a path.' }
  if (UNSAFE_CHARS.test(trimmed) || RESERVED.test(trimmed.replace(/\.[^.]*$/, '')))
    return {
      ok: false,
      reason: 'A name cannot contain : * ? " < > | or control characters, or be a reserved name.',
    }
  if (trimmed.startsWith('.')) return { ok: false, reason: 'A name cannot start with a dot.' }
  const fileName = /\.(md|markdown|txt)$/i.test(trimmed) ? trimmed : `${trimmed}.md`
  if (new TextEncoder().encode(fileName).length > 255)
    return { ok: false, reason: 'That name is too long.' }
  return { ok: true, fileName }
}
