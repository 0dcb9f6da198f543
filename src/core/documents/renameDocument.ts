import { rename, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { QuireError } from '@shared/contract'
import { checkDocumentName, documentNameError } from '@shared/documents'
import type { BackupStore } from './backupStore'
import type { ExpectedRemovals } from './expectedRemovals'
import type { DocumentRef } from './documentPaths'
import { writeFailure } from './writeFailure'

export type RenameDeps = {
  backups: BackupStore
  known: Map<string, string>
  removing: ExpectedRemovals
  pathOf(file: string): string
  /** Lets clients keep using a file opened from outside the folder under its new name. */
  allow(file: string): void
}

/** Renames a document's file in its folder, refusing a name that is taken; moves its backup along. */
export async function renameDocument(
  deps: RenameDeps,
  ref: DocumentRef,
  name: string,
): Promise<{ file: string; path: string }> {
  const checked = checkDocumentName(name)
  if (!checked.ok) throw documentNameError(checked)
  const file = join(dirname(ref.file), checked.fileName)
  if (file === ref.file) return { file, path: ref.path }
  await stat(ref.file).catch(() => {
    throw new QuireError(
      'document-not-found',
      `"${ref.path}" is not in your documents folder any more.`,
      'document-gone',
      { path: ref.path },
    )
  })
  // Only a change of case may land on an existing name (the same file on macOS and Windows).
  const sameFile = file.toLowerCase() === ref.file.toLowerCase()
  if (
    !sameFile &&
    (await stat(file).then(
      () => true,
      () => false,
    ))
  )
    throw new QuireError(
      'document-exists',
      `There is already a document called "${checked.fileName}".`,
      'document-name-taken',
      { name: checked.fileName },
    )
  moveKnownRevision(deps, ref.file, file)
  deps.removing.add(ref.file)
  try {
    await rename(ref.file, file)
  } catch (error) {
    deps.removing.delete(ref.file)
    throw writeFailure(error, `"${basename(ref.file)}" as "${checked.fileName}"`)
  }
  await deps.backups.move(ref.file, file)
  if (ref.external) deps.allow(file)
  return { file, path: ref.external ? file : deps.pathOf(file) }
}

function moveKnownRevision(deps: RenameDeps, from: string, to: string): void {
  const revision = deps.known.get(from)
  deps.known.delete(from)
  if (revision) deps.known.set(to, revision)
}
