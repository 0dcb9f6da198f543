import { basename, isAbsolute, relative, resolve, sep } from 'node:path'
import { QuireError } from '@shared/contract'
import { isDocumentFile } from '@shared/documents'

/** A document as the host handles it: its file, and the path clients know it by. */
export type DocumentRef = {
  /** The absolute file path. */
  file: string
  /** Relative to the documents folder and `/`-separated, or absolute for a file opened from elsewhere. */
  path: string
  /** Opened from outside the documents folder (Electron File › Open, drag and drop, recent). */
  external: boolean
}

/** Whether `file` is inside `folder` (not the folder itself). */
export function isInside(folder: string, file: string): boolean {
  const rel = relative(folder, file)
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
}

/** The path clients know a file by: relative and `/`-separated inside the folder, else absolute. */
export function documentPathOf(folder: string, file: string): string {
  return isInside(folder, file) ? relative(folder, file).split(sep).join('/') : file
}

/**
 * Resolves a client's document path. A relative path must stay inside the documents folder
 * (`../` is refused); an absolute path must be inside it too, unless the desktop app opened
 * that file explicitly (`allowed`).
 */
export function resolveDocumentPath(
  folder: string,
  path: string,
  allowed: ReadonlySet<string>,
): DocumentRef {
  if (path.includes('\0'))
    throw new QuireError(
      'document-invalid-name',
      'That document name has a character files cannot use.',
      'document-name-bad-character',
    )
  const absolute = isAbsolute(path) || /^[A-Za-z]:[\\/]/.test(path)
  const file = absolute ? resolve(path) : resolve(folder, ...path.split('/'))
  let external = false
  if (!isInside(folder, file)) {
    if (!absolute || !allowed.has(file))
      throw new QuireError(
        'document-outside-folder',
        'Quire only opens documents inside your documents folder, or files you open with File › Open.',
        'document-outside-folder',
      )
    external = true
  }
  if (!isDocumentFile(basename(file)))
    throw new QuireError(
      'document-invalid-name',
      'Quire opens Markdown (.md) and plain text (.txt) documents only.',
      'document-wrong-type',
    )
  return { file, path: external ? file : documentPathOf(folder, file), external }
}
