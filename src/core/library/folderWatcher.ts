import { watch, type FSWatcher } from 'node:fs'
import { mkdir } from 'node:fs/promises'

/** A folder to watch; `files` limits which names count (e.g. presets.json in a busy folder). */
export type WatchedFolder = { path: string; create: boolean; files?: readonly string[] }

/**
 * Watches folders (each on its own, not recursively) and calls `onChange` once changes settle
 * for `debounceMs`. A folder that does not exist is created when `create` is set, otherwise
 * skipped; `arm()` retries folders that are not being watched (e.g. deleted and made again).
 */
export class FolderWatcher {
  private readonly watchers = new Map<string, FSWatcher>()
  private timer: NodeJS.Timeout | null = null
  private disposed = false

  constructor(
    private folders: readonly WatchedFolder[],
    private readonly onChange: () => void,
    private readonly debounceMs = 200,
  ) {}

  /** Replaces the watched folders (e.g. when the extra folder changes) and arms the new ones. */
  async setFolders(folders: readonly WatchedFolder[]): Promise<void> {
    const keep = new Set(folders.map((f) => f.path))
    for (const [path, watcher] of this.watchers) {
      if (keep.has(path)) continue
      watcher.close()
      this.watchers.delete(path)
    }
    this.folders = folders
    await this.arm()
  }

  /** Starts watching every folder that is not watched yet. */
  async arm(): Promise<void> {
    for (const folder of this.folders) {
      if (this.disposed || this.watchers.has(folder.path)) continue
      if (folder.create) await mkdir(folder.path, { recursive: true }).catch(() => {})
      try {
        const watcher = watch(folder.path, { persistent: false }, (_event, name) => {
          const file = name?.toString()
          if (folder.files && file && !folder.files.includes(file)) return
          this.schedule()
        })
        watcher.on('error', () => {
          watcher.close()
          this.watchers.delete(folder.path)
          this.schedule()
        })
        this.watchers.set(folder.path, watcher)
      } catch {
        // Missing and not ours to create: nothing to watch until it appears.
      }
    }
  }

  private schedule(): void {
    if (this.disposed) return
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = null
      if (!this.disposed) this.onChange()
    }, this.debounceMs)
  }

  /** Stops watching; no callback runs after this. */
  dispose(): void {
    this.disposed = true
    if (this.timer) clearTimeout(this.timer)
    for (const watcher of this.watchers.values()) watcher.close()
    this.watchers.clear()
  }
}
