import { stat } from 'node:fs/promises'
import { UsageError } from './usageError'

/** `--docs DIR`, else QUIRE_DOCS_DIR, else none (Settings or the default decide). */
export function documentsFolderOverride(docs: string | undefined): string | undefined {
  return docs || process.env.QUIRE_DOCS_DIR || undefined
}

/**
 * The documents folder the command line names, refused as bad usage when it names a file:
 * creating it would fail with the system's "EEXIST: file already exists, mkdir".
 */
export async function checkedDocumentsFolder(
  docs: string | undefined,
): Promise<string | undefined> {
  const folder = documentsFolderOverride(docs)
  if (folder === undefined) return undefined
  const isFolder = await stat(folder).then(
    (info) => info.isDirectory(),
    () => true, // missing: Quire creates it
  )
  if (!isFolder) {
    const named = docs ? `--docs ${folder}` : `QUIRE_DOCS_DIR (${folder})`
    throw new UsageError(`${named} is a file, not a folder. Name the folder your documents are in.`)
  }
  return folder
}
