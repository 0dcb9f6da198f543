import { readdir, rm, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** A temp file older than this was left by a crash, never by a write still under way. */
const STALE_MS = 60_000

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as { code?: string }).code === 'EPERM'
  }
}

/**
 * Removes the `<file>.<pid>.<time>.tmp` files that `writeFileAtomic` leaves behind when a write
 * is cut short (a crash, a full disk). A temp file whose writer still runs, and is recent, is
 * left alone: another Quire process may be about to rename it. Returns the files removed.
 */
export async function removeStrayTemps(file: string): Promise<string[]> {
  const folder = dirname(file)
  const pattern = new RegExp(
    `^${basename(file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)\\.\\d+\\.tmp$`,
  )
  const names = await readdir(folder).catch(() => [] as string[])
  const removed: string[] = []
  for (const name of names) {
    const match = pattern.exec(name)
    if (!match) continue
    const temp = join(folder, name)
    const pid = Number(match[1])
    const age = Date.now() - ((await stat(temp).catch(() => null))?.mtimeMs ?? 0)
    if (age < STALE_MS && processAlive(pid)) continue
    await rm(temp, { force: true }).catch(() => {})
    removed.push(temp)
  }
  return removed
}
