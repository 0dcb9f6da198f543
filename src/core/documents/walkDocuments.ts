import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { isDocumentFile } from '@shared/documents'

const MAX_DEPTH = 8

/**
 * Every document file under `folder`: `.md`/`.txt`, subfolders included, dot-folders (.git,
 * .obsidian, .trash) and symbolic links to folders skipped.
 */
export async function walkDocuments(folder: string, depth = 0): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => [])
  const files: string[] = []
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue
    const path = join(folder, entry.name)
    if (entry.isDirectory() && depth < MAX_DEPTH)
      files.push(...(await walkDocuments(path, depth + 1)))
    else if (entry.isFile() && isDocumentFile(entry.name)) files.push(path)
  }
  return files
}
