import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { QuireError } from '@shared/contract'
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENT_CHARS } from '@shared/documents'
import { decodeFile, type DecodedFile } from './fileFormat'

/** A document file as it is on disk: its text, format, revision and permissions. */
export type OnDisk = DecodedFile & { mode: number }

/** The revision of a document whose file is missing (deleted behind Quire's back). */
export const MISSING_REVISION = 'missing'

/** The error for a document longer than Quire keeps. */
export function tooLarge(): QuireError {
  return new QuireError(
    'document-too-large',
    `This document is longer than Quire can keep (${(MAX_DOCUMENT_CHARS / 1_000_000).toFixed(0)} million characters). Split it into several documents.`,
    'document-too-long',
    { millions: (MAX_DOCUMENT_CHARS / 1_000_000).toFixed(0) },
  )
}

/** The error for a document that is not there (any more). */
export function notFound(path: string): QuireError {
  return new QuireError(
    'document-not-found',
    `"${path}" is not in your documents folder any more.`,
    'document-gone',
    { path },
  )
}

/** The file as it is on disk now, or null when there is none. */
export async function readDocumentFile(file: string): Promise<OnDisk | null> {
  let info
  try {
    info = await stat(file)
  } catch {
    return null
  }
  if (!info.isFile()) return null
  if (info.size > MAX_DOCUMENT_BYTES) throw tooLarge()
  const bytes = await readFile(file).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new QuireError(
      'document-unreadable',
      `Quire cannot read "${basename(file)}".`,
      'document-cannot-read',
      { name: basename(file) },
    )
  })
  if (!bytes) return null
  return { ...decodeFile(bytes), mode: info.mode & 0o777 }
}
