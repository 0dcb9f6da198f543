import { readFile, rm } from 'node:fs/promises'
import { basename, dirname, extname, join } from 'node:path'
import { writeFileAtomic } from '../settings/atomicWrite'
import type { DocumentRef } from './documentPaths'
import type { DocumentTrash } from './documentTrash'
import { revisionOf } from './fileFormat'
import { freeFileName } from './freeFileName'
import { notFound, readDocumentFile } from './readDocumentFile'
import type { RenameDeps } from './renameDocument'
import { writeFailure } from './writeFailure'

export type TrashDeps = RenameDeps & {
  trash: DocumentTrash
  /** How the file leaves its folder (Electron: the OS trash); a plain delete otherwise. */
  removeFile?: ((file: string) => Promise<void>) | undefined
  /** Runs `task` while no other file is being named in `folder`. */
  naming<T>(folder: string, task: () => Promise<T>): Promise<T>
}

/** Keeps a copy of a document in Quire's trash, then removes the file; returns the trash id. */
export async function trashDocument(deps: TrashDeps, ref: DocumentRef): Promise<string> {
  if (!(await readDocumentFile(ref.file))) throw notFound(ref.path)
  const trashId = await deps.trash.keep(ref.file)
  deps.removing.add(ref.file)
  try {
    await (deps.removeFile ?? ((file) => rm(file)))(ref.file)
  } catch (error) {
    deps.removing.delete(ref.file)
    await deps.trash.forget(trashId)
    throw writeFailure(error, `"${basename(ref.file)}" to the trash`)
  }
  deps.known.delete(ref.file)
  await deps.backups.remove(ref.file)
  return trashId
}

/** Puts a deleted document back where it was (with a new name beside it, if that is taken). */
export async function restoreDocument(deps: TrashDeps, trashId: string): Promise<string> {
  const entry = await deps.trash.get(trashId)
  const bytes = await readFile(entry.copy).catch(() => {
    throw notFound(basename(entry.file))
  })
  const parent = dirname(entry.file)
  const file = await deps.naming(parent, async () => {
    const ext = extname(entry.file)
    const free = join(parent, await freeFileName(parent, basename(entry.file, ext), ext))
    deps.known.set(free, revisionOf(bytes))
    await writeFileAtomic(free, bytes, { mode: 0o644 }).catch((error: unknown) => {
      throw writeFailure(error, `"${basename(free)}"`)
    })
    return free
  })
  await deps.trash.forget(trashId)
  return file
}
