import { QuireError } from '../contract/errors'

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

/** Why a typed document name cannot be used; each has its own message in both languages. */
export type DocumentNameProblem = 'empty' | 'path' | 'unsafe' | 'dot' | 'too-long'

const NAME_REASONS: Record<DocumentNameProblem, string> = {
  empty: 'Give the document a name.',
  path: 'A name cannot contain / or \\; use a name, not a path.',
  unsafe: 'A name cannot contain : * ? " < > | or control characters, or be a reserved name.',
  dot: 'A name cannot start with a dot.',
  'too-long': 'That name is too long.',
}

const refuse = (problem: DocumentNameProblem) =>
  ({ ok: false, problem, reason: NAME_REASONS[problem] }) as const

/**
 * Checks a name the writer typed for a document; returns the file name (with `.md` added when
 * it has no `.md`/`.txt` ending) or a reason it cannot be used.
 */
export function checkDocumentName(
  name: string,
): { ok: true; fileName: string } | { ok: false; problem: DocumentNameProblem; reason: string } {
  const trimmed = name.trim()
  if (trimmed === '') return refuse('empty')
  if (/[\\/]/.test(trimmed)) return refuse('path')
  if (UNSAFE_CHARS.test(trimmed) || RESERVED.test(trimmed.replace(/\.[^.]*$/, '')))
    return refuse('unsafe')
  if (trimmed.startsWith('.')) return refuse('dot')
  const fileName = /\.(md|markdown|txt)$/i.test(trimmed) ? trimmed : `${trimmed}.md`
  if (new TextEncoder().encode(fileName).length > 255) return refuse('too-long')
  return { ok: true, fileName }
}

/** The error for a refused name, keyed by its problem so the UI words it in the writer's language. */
export function documentNameError(refused: { problem: DocumentNameProblem; reason: string }) {
  return new QuireError('document-invalid-name', refused.reason, `document-name-${refused.problem}`)
}
