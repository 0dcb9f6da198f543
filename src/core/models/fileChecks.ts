import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { statfs } from 'node:fs/promises'

/** SHA-256 of a file, streamed (models are gigabytes); `onBytes` reports progress. */
export async function sha256File(path: string, onBytes?: (bytes: number) => void): Promise<string> {
  const hash = createHash('sha256')
  let done = 0
  for await (const chunk of createReadStream(path, { highWaterMark: 4 * 1024 * 1024 })) {
    const buffer = chunk as Buffer
    hash.update(buffer)
    done += buffer.length
    onBytes?.(done)
  }
  return hash.digest('hex')
}

/** Bytes free for this user on the disk holding `dir`. */
export async function freeBytes(dir: string): Promise<number> {
  const stats = await statfs(dir)
  return Number(stats.bavail) * Number(stats.bsize)
}
