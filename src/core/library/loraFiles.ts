import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { isAbsolute, join } from 'node:path'
import type { LoraStatus } from '@shared/stylepack'
import { loraFolder } from './libraryPaths'

/** The SHA-256 of a file in hex, read as a stream (adapters can be hundreds of megabytes). */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** Where a prompt's or preset's `lora: [{file}]` points: absolute, or in the user's lora folder. */
export function loraPath(dataDir: string, file: string): string {
  return isAbsolute(file) ? file : join(loraFolder(dataDir), file)
}

/** Whether the lora folder has this adapter: the same file, a different one by that name, or none. */
export async function loraStatus(
  dataDir: string,
  file: string,
  sha256: string,
): Promise<LoraStatus> {
  const path = join(loraFolder(dataDir), file)
  const exists = await stat(path).then(
    (s) => s.isFile(),
    () => false,
  )
  if (!exists) return 'missing'
  return (await sha256File(path)) === sha256 ? 'present' : 'different'
}
