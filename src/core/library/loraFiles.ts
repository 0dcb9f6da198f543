import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { QuireError } from '@shared/contract'
import { loraFileNameSchema } from '@shared/presets/schema'
import type { LoraListing } from '@shared/prompts/libraryContract'
import type { LoraStatus } from '@shared/stylepack'
import { loraFolder } from './libraryPaths'

/** The SHA-256 of a file in hex, read as a stream (adapters can be hundreds of megabytes). */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/**
 * Where a prompt's or preset's `lora: [{file}]` points: always inside the user's lora folder.
 * The schema already refuses folders and `..`; this refuses again, where the path is made.
 */
export function loraPath(dataDir: string, file: string): string {
  const folder = resolve(loraFolder(dataDir))
  const path = resolve(folder, file)
  if (!loraFileNameSchema.safeParse(file).success || dirname(path) !== folder)
    throw new QuireError(
      'lora-failed',
      `The LoRA adapter "${file}" is outside your lora folder (${folder}); name an adapter by its file name in that folder.`,
      'lora-outside-folder',
      { file, folder },
    )
  return path
}

/** Whether the lora folder has this adapter: the same file, a different one by that name, or none. */
export async function loraStatus(
  dataDir: string,
  file: string,
  sha256: string,
): Promise<LoraStatus> {
  const path = loraPath(dataDir, file)
  const exists = await stat(path).then(
    (s) => s.isFile(),
    () => false,
  )
  if (!exists) return 'missing'
  return (await sha256File(path)) === sha256 ? 'present' : 'different'
}

/**
 * The GGUF adapters in the user's lora folder, by name, that a configuration can name (files
 * only, no subfolders). A folder that does not exist yet has none.
 */
export async function listLoraAdapters(dataDir: string): Promise<LoraListing> {
  const folder = resolve(loraFolder(dataDir))
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => [])
  const adapters = await Promise.all(
    entries
      .filter((entry) => entry.isFile() && /\.gguf$/i.test(entry.name))
      .filter((entry) => loraFileNameSchema.safeParse(entry.name).success)
      .map(async (entry) => ({
        file: entry.name,
        sizeBytes: (await stat(resolve(folder, entry.name))).size,
      })),
  )
  return { folder, adapters: adapters.sort((a, b) => a.file.localeCompare(b.file)) }
}
