import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { watch, type FSWatcher } from 'chokidar'
import type { QuireEvent } from '@shared/contract'
import { isDocumentFile } from '@shared/documents'
import { documentPathOf } from './documentPaths'
import type { ExpectedRemovals } from './expectedRemovals'
import { revisionOf } from './fileFormat'

export type WatchedStore = {
  readonly folder: string
  /** The revision Quire last read or wrote per file: a change to that revision is Quire's own. */
  readonly known: Map<string, string>
  /** Files Quire is removing itself (delete, rename): their disappearance is not news. */
  readonly removing: ExpectedRemovals
}

/**
 * Notices documents changed by other programs (another editor, a sync tool) and tells every
 * client: `document-changed` (origin `disk`) with the new revision, `document-removed`, and
 * `documents-changed` when the list changed. Quire's own writes are recognised by revision.
 */
export class DocumentWatcher {
  private watcher: FSWatcher | null = null
  private listTimer: NodeJS.Timeout | null = null
  private readonly external = new Set<string>()

  constructor(
    private readonly store: WatchedStore,
    private readonly emit: (event: QuireEvent) => void,
  ) {}

  /** Starts watching the store's folder (again, after the folder changed). */
  async start(): Promise<void> {
    await this.stop()
    const root = this.store.folder
    const watcher = watch(root, {
      ignoreInitial: true,
      // As deep as the list looks (walkDocuments).
      depth: 8,
      // Other editors may write in place; wait until the file stops growing before reading it.
      awaitWriteFinish: { stabilityThreshold: 120, pollInterval: 40 },
      ignored: (path, stats) =>
        path !== root &&
        !this.external.has(path) &&
        (basename(path).startsWith('.') ||
          (stats?.isFile() === true && !isDocumentFile(basename(path)))),
    })
    watcher.on('add', (file) => void this.changed(file, true))
    watcher.on('change', (file) => void this.changed(file, false))
    watcher.on('unlink', (file) => this.removed(file))
    watcher.on('addDir', () => this.listChanged())
    watcher.on('unlinkDir', () => this.listChanged())
    watcher.on('error', (error) => console.warn('quire: the documents watcher failed', error))
    this.watcher = watcher
    if (this.external.size > 0) watcher.add([...this.external])
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()))
  }

  /** Also watches a file opened from outside the folder. */
  watchFile(file: string): void {
    if (this.external.has(file)) return
    this.external.add(file)
    this.watcher?.add(file)
  }

  async stop(): Promise<void> {
    if (this.listTimer) clearTimeout(this.listTimer)
    this.listTimer = null
    const watcher = this.watcher
    this.watcher = null
    await watcher?.close()
  }

  private async changed(file: string, added: boolean): Promise<void> {
    if (!isDocumentFile(basename(file))) return
    const bytes = await readFile(file).catch(() => null)
    if (!bytes) return
    const revision = revisionOf(bytes)
    const own = this.store.known.get(file) === revision
    if (added && !own) this.listChanged()
    if (own) return
    this.store.known.set(file, revision)
    this.emit({
      type: 'document-changed',
      path: documentPathOf(this.store.folder, file),
      revision,
      origin: 'disk',
    })
  }

  private removed(file: string): void {
    if (this.store.removing.take(file)) return
    if (!isDocumentFile(basename(file))) return
    this.store.known.delete(file)
    this.emit({ type: 'document-removed', path: documentPathOf(this.store.folder, file) })
    this.listChanged()
  }

  /** One `documents-changed` for a burst of changes (a sync tool writes many files at once). */
  private listChanged(): void {
    if (this.listTimer) return
    this.listTimer = setTimeout(() => {
      this.listTimer = null
      this.emit({ type: 'documents-changed' })
    }, 100)
  }
}
