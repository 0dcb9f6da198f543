import { mkdir, realpath, rm, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { QuireEvent } from '@shared/contract'
import {
  fileStemFromTitle,
  hasAutomaticName,
  MAX_DOCUMENT_CHARS,
  titleFromText,
  UNTITLED,
  type DocumentListing,
  type DocumentsFolder,
  type DocumentSummary,
  type OpenedDocument,
  type SaveDocumentResult,
} from '@shared/documents'
import { writeFileAtomic } from '../settings/atomicWrite'
import { BackupStore } from './backupStore'
import { documentPathOf, isInside, resolveDocumentPath, type DocumentRef } from './documentPaths'
import { DocumentTrash } from './documentTrash'
import { encodeFile, NEW_FILE_FORMAT, normalizeText, revisionOf } from './fileFormat'
import { ExpectedRemovals } from './expectedRemovals'
import { KeyedQueue } from './keyedQueue'
import { renameDocument } from './renameDocument'
import { restoreDocument, trashDocument, type TrashDeps } from './trashDocument'
import { freeFileName } from './freeFileName'
import { fileTitle, SummaryCache } from './summaries'
import { walkDocuments } from './walkDocuments'
import { writeFailure } from './writeFailure'
import {
  MISSING_REVISION,
  notFound,
  readDocumentFile,
  tooLarge,
  type OnDisk,
} from './readDocumentFile'

export type DocumentStoreOptions = {
  folder: string
  source: DocumentsFolder['source']
  /** The data folder: backups in `backups/`, deleted documents in `trash/`. */
  dataDir: string
  emit: (event: QuireEvent) => void
  /** How a deleted file leaves the folder; Electron moves it to the OS trash. */
  removeFile?: (file: string) => Promise<void>
}

/**
 * The writer's documents, owned by the host: every read and write of a document file goes
 * through here. Writes are atomic and check the revision they were based on; the hot-exit
 * backups and the trash live in the data folder.
 */
export class DocumentStore {
  readonly backups: BackupStore
  readonly trash: DocumentTrash
  private folderPath: string
  private folderSource: DocumentsFolder['source']
  private readonly queue = new KeyedQueue()
  private readonly summaries: SummaryCache
  /** The revision Quire last read or wrote for each file, so its own writes are recognised. */
  readonly known = new Map<string, string>()
  /** Files Quire itself is removing, so the watcher does not report them as gone. */
  readonly removing = new ExpectedRemovals()
  /** Files outside the folder that the desktop app opened on the writer's request. */
  private readonly allowed = new Set<string>()

  constructor(private readonly options: DocumentStoreOptions) {
    this.folderPath = options.folder
    this.folderSource = options.source
    this.backups = new BackupStore(join(options.dataDir, 'backups'))
    this.trash = new DocumentTrash(join(options.dataDir, 'trash'))
    this.summaries = new SummaryCache(this.backups)
  }

  get folder(): string {
    return this.folderPath
  }

  describeFolder(): DocumentsFolder {
    return {
      folder: this.folderPath,
      backupsFolder: this.backups.folder,
      source: this.folderSource,
    }
  }

  /** Switches to another documents folder (a Settings change); creates it when missing. */
  async setFolder(folder: string, source: DocumentsFolder['source']): Promise<void> {
    await mkdir(folder, { recursive: true })
    this.allowed.clear()
    this.folderPath = folder
    this.folderSource = source
    this.summaries.clear()
    this.options.emit({ type: 'documents-changed' })
  }

  /** Lets clients open a file outside the folder (File › Open, drag and drop, recent files). */
  allowExternal(file: string): void {
    this.allowed.add(file)
  }

  resolve(path: string): DocumentRef {
    return resolveDocumentPath(this.folderPath, path, this.allowed)
  }

  async list(): Promise<DocumentListing> {
    await mkdir(this.folderPath, { recursive: true })
    const files = await walkDocuments(this.folderPath)
    const documents: DocumentSummary[] = []
    for (const file of files) {
      const summary = await this.summaries.summarize(file, documentPathOf(this.folderPath, file))
      if (summary) documents.push(summary)
    }
    documents.sort((a, b) => b.modifiedMs - a.modifiedMs || a.path.localeCompare(b.path))
    return { folder: this.folderPath, documents }
  }

  async summary(path: string): Promise<DocumentSummary> {
    const ref = this.resolve(path)
    const summary = await this.summaries.summarize(ref.file, ref.path)
    if (!summary) throw notFound(ref.path)
    return summary
  }

  /** Reads a document and any newer hot-exit backup of it. Never writes anything. */
  async open(path: string): Promise<OpenedDocument> {
    const ref = this.resolve(path)
    const disk = await this.read(ref.file)
    const backup = await this.backups.read(ref.file)
    if (!disk) {
      // Deleted behind Quire's back, with unsaved text in a backup: bring the text back.
      if (!backup) throw notFound(ref.path)
      return {
        path: ref.path,
        title: titleFromText(backup.text) || fileTitle(ref.file),
        text: '',
        revision: MISSING_REVISION,
        recovered: { text: backup.text, backupMs: backup.savedMs },
      }
    }
    this.known.set(ref.file, disk.revision)
    const { mtimeMs } = await stat(ref.file)
    const newer = backup && backup.savedMs > mtimeMs && backup.text !== disk.text
    return {
      path: ref.path,
      title: titleFromText(disk.text) || fileTitle(ref.file),
      text: disk.text,
      revision: disk.revision,
      recovered: newer ? { text: backup.text, backupMs: backup.savedMs } : null,
    }
  }

  /** Makes a new document on disk at once: "Untitled.md", or named from `text`'s first line. */
  async create(text = '', folder = ''): Promise<OpenedDocument> {
    const body = normalizeText(text)
    if (body.length > MAX_DOCUMENT_CHARS) throw tooLarge()
    const parent = folder.trim() === '' ? this.folderPath : this.resolveFolder(folder)
    const stem = fileStemFromTitle(titleFromText(body)) || UNTITLED
    const bytes = encodeFile(body, NEW_FILE_FORMAT)
    return this.queue.run(`create:${parent}`, async () => {
      const file = join(parent, await freeFileName(parent, stem, '.md'))
      const revision = revisionOf(bytes)
      this.known.set(file, revision)
      await writeFileAtomic(file, bytes, { mode: 0o644 }).catch((error: unknown) => {
        throw writeFailure(error, 'the new document')
      })
      this.options.emit({ type: 'documents-changed' })
      const path = documentPathOf(this.folderPath, file)
      return {
        path,
        title: titleFromText(body) || fileTitle(file),
        text: body,
        revision,
        recovered: null,
      }
    })
  }

  /**
   * Saves `text` if the file is still at `baseRevision` (or `force`); otherwise reports the
   * conflict and writes nothing. An Untitled document is named from its first line.
   */
  async save(input: {
    path: string
    text: string
    baseRevision: string
    force?: boolean | undefined
  }): Promise<SaveDocumentResult> {
    const text = normalizeText(input.text)
    if (text.length > MAX_DOCUMENT_CHARS) throw tooLarge()
    const ref = this.resolve(input.path)
    return this.queue.run(ref.file, async () => {
      const disk = await this.read(ref.file)
      if (disk && disk.revision !== input.baseRevision && !input.force)
        return { ok: false, reason: 'conflict', revision: disk.revision, text: disk.text }
      const stem = this.automaticStem(ref, text)
      if (disk && stem === null && disk.text === text) {
        // Unchanged: keep the file byte for byte (and its modification time).
        await this.backups.remove(ref.file)
        return {
          ok: true,
          path: ref.path,
          title: titleFromText(text) || fileTitle(ref.file),
          revision: disk.revision,
        }
      }
      const bytes = encodeFile(text, disk?.format ?? NEW_FILE_FORMAT)
      const revision = revisionOf(bytes)
      const mode = disk?.mode ?? 0o644
      const parent = dirname(ref.file)
      // Choosing a free name and taking it happen under one lock per folder.
      const file =
        stem === null
          ? await this.write(ref.file, bytes, revision, mode)
          : await this.queue.run(`create:${parent}`, async () => {
              const name = await freeFileName(parent, stem, '.md', basename(ref.file))
              return this.write(join(parent, name), bytes, revision, mode)
            })
      await this.backups.remove(ref.file)
      const path = file === ref.file ? ref.path : documentPathOf(this.folderPath, file)
      if (file !== ref.file) await this.removeRenamed(ref.file, ref.path, path, disk !== null)
      this.options.emit({ type: 'document-changed', path, revision, origin: 'save' })
      if (!disk) this.options.emit({ type: 'documents-changed' })
      return { ok: true, path, title: titleFromText(text) || fileTitle(file), revision }
    })
  }

  /** Writes a document's bytes atomically, remembering the revision so the watcher ignores it. */
  private async write(
    file: string,
    bytes: Buffer,
    revision: string,
    mode: number,
  ): Promise<string> {
    this.known.set(file, revision)
    try {
      // A symbolic link (a file kept in a synced folder elsewhere) stays a link: the file it
      // points to is the one replaced.
      const target = await realpath(file).catch(() => file)
      await writeFileAtomic(target, bytes, { mode })
    } catch (error) {
      this.known.delete(file)
      throw writeFailure(error, `"${basename(file)}"`)
    }
    return file
  }

  /** Keeps the unsaved text of a document in the backups folder (hot exit). */
  async backup(input: { path: string; text: string; baseRevision: string }): Promise<number> {
    const text = normalizeText(input.text)
    if (text.length > MAX_DOCUMENT_CHARS) throw tooLarge()
    const ref = this.resolve(input.path)
    return this.queue.run(ref.file, () =>
      this.backups.write(ref.file, text, input.baseRevision).catch((error: unknown) => {
        throw writeFailure(error, 'the backup')
      }),
    )
  }

  async discardBackup(path: string): Promise<void> {
    const ref = this.resolve(path)
    await this.queue.run(ref.file, () => this.backups.remove(ref.file))
  }

  /** Renames a document within its folder; `.md` is added when the name has no ending. */
  async rename(path: string, name: string): Promise<DocumentSummary> {
    const ref = this.resolve(path)
    const to = await this.queue.run(ref.file, () => renameDocument(this.deps(), ref, name))
    this.options.emit({ type: 'document-renamed', from: ref.path, to: to.path })
    this.options.emit({ type: 'documents-changed' })
    return this.summary(to.path)
  }

  /** Moves a document to the trash (a copy in the data folder makes it undoable). */
  async delete(path: string): Promise<string> {
    const ref = this.resolve(path)
    const trashId = await this.queue.run(ref.file, () => trashDocument(this.deps(), ref))
    this.options.emit({ type: 'document-removed', path: ref.path })
    this.options.emit({ type: 'documents-changed' })
    return trashId
  }

  /** Puts a deleted document back where it was (beside it, with a new name, if that is taken). */
  async restore(trashId: string): Promise<DocumentSummary> {
    const file = await restoreDocument(this.deps(), trashId)
    // A file from outside the folder (or from a folder used before) is reachable by its path.
    if (!isInside(this.folderPath, file)) this.allowExternal(file)
    this.options.emit({ type: 'documents-changed' })
    return this.summary(documentPathOf(this.folderPath, file))
  }

  private deps(): TrashDeps {
    return {
      backups: this.backups,
      trash: this.trash,
      known: this.known,
      removing: this.removing,
      removeFile: this.options.removeFile,
      pathOf: (file) => documentPathOf(this.folderPath, file),
      allow: (file) => this.allowExternal(file),
      naming: (folder, task) => this.queue.run(`create:${folder}`, task),
    }
  }

  /** The file as it is on disk now, or null when there is none. */
  read(file: string): Promise<OnDisk | null> {
    return readDocumentFile(file)
  }

  private resolveFolder(folder: string): string {
    const probe = this.resolve(`${folder.replace(/\/+$/, '')}/probe.md`)
    if (probe.external) throw notFound(folder)
    return dirname(probe.file)
  }

  /** The name stem a save gives an Untitled document: from its first line, if it has one. */
  private automaticStem(ref: DocumentRef, text: string): string | null {
    if (ref.external || !hasAutomaticName(basename(ref.file))) return null
    const stem = fileStemFromTitle(titleFromText(text))
    if (stem === '' || `${stem}.md`.toLowerCase() === basename(ref.file).toLowerCase()) return null
    return stem
  }

  private async removeRenamed(
    file: string,
    from: string,
    to: string,
    existed: boolean,
  ): Promise<void> {
    if (existed) this.removing.add(file)
    this.known.delete(file)
    await rm(file, { force: true })
    this.options.emit({ type: 'document-renamed', from, to })
    this.options.emit({ type: 'documents-changed' })
  }
}

export { MISSING_REVISION, notFound }
