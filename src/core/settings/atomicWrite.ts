import { randomBytes } from 'node:crypto'
import { mkdir, open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** The moments of an atomic write, named so a test can stop a process at each of them. */
export type AtomicWriteStep = 'opened' | 'chunk-written' | 'synced' | 'renamed'

export type AtomicWriteOptions = {
  /** Permissions of a new file (the file's own are kept when the caller passes them). */
  mode?: number
  /**
   * Called at each step; only tests pass it (to kill a child process at a known point).
   * Awaited, so a test can hold the write there.
   */
  onStep?: (step: AtomicWriteStep) => void | Promise<void>
}

// Large documents are written in pieces so an interrupted write can be tested mid-file.
const CHUNK_BYTES = 1024 * 1024

/**
 * The temp file beside `path`: the same folder (so the rename stays on one file system), a
 * leading dot and a `.tmp` ending (so folder listings and watchers skip it).
 */
export function tempPathFor(path: string): string {
  return join(
    dirname(path),
    `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  )
}

/** Fsyncs a folder so a rename in it survives a power cut; not possible on every platform. */
async function syncFolder(folder: string): Promise<void> {
  let handle
  try {
    handle = await open(folder, 'r')
    await handle.sync()
  } catch {
    // Windows cannot open a folder for fsync, and some file systems refuse it: the rename is
    // still atomic there, only its durability across a power cut is up to the OS.
  } finally {
    await handle?.close()
  }
}

/**
 * Renames over the target. On Windows a virus scanner, indexer or sync tool can hold the
 * target open for a moment (EPERM/EBUSY); the rename is retried briefly, as editors do.
 */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await rename(from, to)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      const busy = code === 'EPERM' || code === 'EBUSY' || code === 'EACCES'
      if (process.platform !== 'win32' || !busy || attempt >= 10) throw error
      await new Promise((resolve) => setTimeout(resolve, 20 * (attempt + 1)))
    }
  }
}

/**
 * Writes a file so that a crash at any moment leaves either the complete old or the complete
 * new content, never a truncated one: temp file in the same folder, fsync, rename over the
 * target, fsync of the folder.
 */
export async function writeFileAtomic(
  path: string,
  content: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const folder = dirname(path)
  await mkdir(folder, { recursive: true })
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
  const temp = tempPathFor(path)
  const handle = await open(temp, 'wx', options.mode ?? 0o600)
  try {
    await options.onStep?.('opened')
    for (let at = 0; at < bytes.length || at === 0; at += CHUNK_BYTES) {
      const end = Math.min(at + CHUNK_BYTES, bytes.length)
      let written = at
      while (written < end) {
        const { bytesWritten } = await handle.write(bytes, written, end - written, written)
        written += bytesWritten
      }
      await options.onStep?.('chunk-written')
      if (bytes.length === 0) break
    }
    await handle.sync()
    await options.onStep?.('synced')
  } catch (error) {
    await handle.close().catch(() => {})
    await rm(temp, { force: true })
    throw error
  }
  await handle.close()
  try {
    await renameWithRetry(temp, path)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
  await options.onStep?.('renamed')
  await syncFolder(folder)
}
