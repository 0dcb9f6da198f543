import { readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'

/** The temp files writeFileAtomic makes: `.name.<pid>-<8 hex>.tmp`. */
const TEMP_FILE = /^\..+\.\d+-[0-9a-f]{8}\.tmp$/
const STALE_MS = 10 * 60 * 1000
const MAX_DEPTH = 8

/**
 * Removes temp files left by saves that were killed half-way (the document itself is whole:
 * the rename never happened). Only Quire's own pattern, only when older than ten minutes.
 */
export async function removeStaleTempFiles(
  folder: string,
  now = Date.now(),
  depth = 0,
): Promise<number> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => [])
  let removed = 0
  for (const entry of entries) {
    const path = join(folder, entry.name)
    if (entry.isFile() && TEMP_FILE.test(entry.name)) {
      const info = await stat(path).catch(() => null)
      if (info && now - info.mtimeMs > STALE_MS) {
        await rm(path, { force: true })
        removed++
      }
    } else if (entry.isDirectory() && !entry.name.startsWith('.') && depth < MAX_DEPTH) {
      removed += await removeStaleTempFiles(path, now, depth + 1)
    }
  }
  return removed
}
