import { QuireError } from '@shared/contract'

/** Turns a file system error into a message a writer can act on; the detail goes to the log. */
export function writeFailure(error: unknown, what: string): QuireError {
  if (error instanceof QuireError) return error
  const code = (error as NodeJS.ErrnoException).code
  console.error(`quire: could not write ${what}`, error)
  const reason =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'the disk is full'
      : code === 'EACCES' || code === 'EPERM'
        ? 'Quire is not allowed to write there'
        : code === 'EROFS'
          ? 'the disk is read-only'
          : code === 'ENAMETOOLONG'
            ? 'the name is too long'
            : `the system said ${code ?? (error instanceof Error ? error.message : String(error))}`
  return new QuireError(
    'document-write-failed',
    `Could not save ${what}: ${reason}. Your text is still in Quire and nothing on disk was changed.`,
    'save-failed',
    { what, reason },
  )
}
