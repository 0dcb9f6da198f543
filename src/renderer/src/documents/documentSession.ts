import { toErrorPayload, type QuireEvent } from '@shared/contract'
import type { OpenedDocument } from '@shared/documents'
import {
  TIMING,
  type Clock,
  type DocumentApi,
  type EditorPort,
  type SaveState,
  type SessionView,
} from './sessionTypes'

type Theirs = { revision: string; text: string }

/** The one owner of an open document in this window: what is on disk, what is typed, what is saved. */
export type DocumentSession = ReturnType<typeof createDocumentSession>

/**
 * Owns one open document: it backs up the writer's text within a second of each change
 * (throttled, so continuous typing still backs up), saves it a second after typing stops or at
 * once on request, and keeps the file's revision so a stale write is refused by the host and
 * becomes a conflict the writer resolves. Opening a document never writes anything.
 */
export function createDocumentSession(options: {
  api: DocumentApi
  editor: EditorPort
  clock: Clock
  onView(view: SessionView): void
}) {
  const { api, editor, clock } = options
  let doc: { path: string; title: string; revision: string } | null = null
  let version = 0
  let savedVersion = 0
  let backedUpVersion = 0
  let lastWritten = ''
  let saving: Promise<void> | null = null
  let creating: Promise<void> | null = null
  let backupTimer: unknown = null
  let saveTimer: unknown = null
  let exportMs = 0
  let theirs: Theirs | null = null
  let recovered: { backupMs: number; fileText: string } | null = null
  let removed = false
  let loading = false
  let error: SessionView['error'] = null
  let openToken = 0
  let disposed = false
  const ownRevisions = new Set<string>()
  let heldEvents: QuireEvent[] = []

  const dirty = (): boolean => version !== savedVersion

  function saveState(): SaveState {
    if (theirs) return 'conflict'
    if (recovered) return 'recovered'
    if (saving || creating) return 'saving'
    return dirty() ? 'unsaved' : 'saved'
  }

  function emit(): void {
    if (disposed) return
    options.onView({
      path: doc?.path ?? null,
      title: doc?.title ?? '',
      saveState: saveState(),
      recovered: recovered ? { backupMs: recovered.backupMs } : null,
      conflict: theirs ? { revision: theirs.revision } : null,
      removed,
      error,
      loading,
    })
  }

  /** The editor's Markdown, timing the export so long documents back up less often. */
  function readText(): string {
    const started = clock.now()
    const text = editor.read()
    exportMs = exportMs * 0.5 + (clock.now() - started) * 0.5
    return text
  }

  const backupDelay = (): number =>
    Math.min(TIMING.maxBackupMs, Math.max(TIMING.backupMs, exportMs * 3))

  function fail(cause: unknown): void {
    const payload = toErrorPayload(cause)
    error = payload
    emit()
  }

  function show(text: string): void {
    editor.load(text)
    lastWritten = text
    savedVersion = version
    backedUpVersion = version
  }

  /** The first keystroke in a window with no document makes one, with that text. */
  function create(text: string): Promise<void> {
    const at = version
    creating ??= api
      .createDocument({ text })
      .then((opened) => {
        doc = { path: opened.path, title: opened.title, revision: opened.revision }
        ownRevisions.add(opened.revision)
        lastWritten = text
        savedVersion = Math.max(savedVersion, at)
        error = null
      }, fail)
      .finally(() => {
        creating = null
        if (dirty()) scheduleSave()
        emit()
      })
    emit()
    return creating
  }

  function runBackup(): void {
    backupTimer = null
    if (backedUpVersion === version || version === savedVersion) return
    const at = version
    const text = readText()
    if (!doc) {
      void create(text)
      return
    }
    api.backupDocument({ path: doc.path, text, baseRevision: doc.revision }).then(() => {
      backedUpVersion = Math.max(backedUpVersion, at)
    }, fail)
  }

  function scheduleBackup(): void {
    backupTimer ??= clock.setTimeout(runBackup, backupDelay())
  }

  function scheduleSave(): void {
    if (saveTimer !== null) clock.clearTimeout(saveTimer)
    saveTimer = clock.setTimeout(() => {
      saveTimer = null
      void save()
    }, TIMING.saveMs)
  }

  /** Writes the editor's text to the file now (Mod+S), unless a conflict or a recovery is open. */
  async function save(force = false): Promise<void> {
    if (saveTimer !== null) clock.clearTimeout(saveTimer)
    saveTimer = null
    if (saving) {
      await saving
      if (dirty()) return save(force)
      return
    }
    if (creating) return creating
    if ((theirs && !force) || recovered || !dirty()) return
    const text = readText()
    const at = version
    if (!doc) return create(text)
    if (text === lastWritten && !removed && !force) {
      savedVersion = at
      emit()
      return
    }
    const current = doc
    saving = (async () => {
      try {
        const result = await api.saveDocument({
          path: current.path,
          text,
          baseRevision: current.revision,
          ...(force ? { force: true } : {}),
        })
        if (!result.ok) {
          theirs = { revision: result.revision, text: result.text }
          return
        }
        ownRevisions.add(result.revision)
        doc = { path: result.path, title: result.title, revision: result.revision }
        lastWritten = text
        savedVersion = Math.max(savedVersion, at)
        backedUpVersion = Math.max(backedUpVersion, at)
        removed = false
        theirs = null
        error = null
      } catch (cause) {
        fail(cause)
      }
    })()
    emit()
    await saving
    saving = null
    emit()
    const held = heldEvents
    heldEvents = []
    for (const event of held) await handleEvent(event)
  }

  async function reloadFromDisk(path: string): Promise<void> {
    const opened = await api.openDocument({ path })
    if (!doc || doc.path !== path) return
    if (dirty() || recovered) {
      if (opened.revision !== doc.revision)
        theirs = { revision: opened.revision, text: opened.text }
    } else {
      show(opened.text)
      doc = { path, title: opened.title, revision: opened.revision }
    }
    emit()
  }

  async function handleEvent(event: QuireEvent): Promise<void> {
    if (!doc) return
    if (saving && event.type.startsWith('document')) {
      heldEvents.push(event)
      return
    }
    if (event.type === 'document-changed' && event.path === doc.path) {
      if (event.revision === doc.revision || ownRevisions.has(event.revision)) return
      await reloadFromDisk(doc.path).catch(fail)
    } else if (event.type === 'document-removed' && event.path === doc.path) {
      // The editor now holds the only copy: keep it in a backup until the writer saves.
      removed = true
      version++
      scheduleBackup()
      emit()
    } else if (event.type === 'document-renamed' && event.from === doc.path) {
      doc = { ...doc, path: event.to }
      emit()
    }
  }

  function begin(opened: OpenedDocument): void {
    doc = { path: opened.path, title: opened.title, revision: opened.revision }
    theirs = null
    removed = false
    error = null
    if (opened.recovered) {
      show(opened.recovered.text)
      lastWritten = opened.text
      recovered = { backupMs: opened.recovered.backupMs, fileText: opened.text }
    } else {
      recovered = null
      show(opened.text)
    }
  }

  /** Opens a document (or a blank page that becomes one on the first keystroke, for null). */
  async function open(load: () => Promise<OpenedDocument | null>): Promise<void> {
    const token = ++openToken
    await flush()
    loading = true
    editor.setEditable(false)
    emit()
    try {
      const opened = await load()
      if (token !== openToken || disposed) return
      if (opened) begin(opened)
      else {
        doc = null
        recovered = null
        theirs = null
        show('')
      }
    } catch (cause) {
      if (token === openToken) fail(cause)
    } finally {
      if (token === openToken) {
        loading = false
        editor.setEditable(true)
        emit()
      }
    }
  }

  /** Sends what is unsaved now: a backup, then the file (page hide, switching documents). */
  async function flush(): Promise<void> {
    if (backupTimer !== null) clock.clearTimeout(backupTimer)
    backupTimer = null
    if (version === savedVersion) return
    runBackup()
    await save()
  }

  const unsubscribe = api.onEvent((event) => void handleEvent(event).catch(fail))

  return {
    /** Opens the document at `path`. */
    openPath: (path: string) => open(() => api.openDocument({ path })),
    /** Makes a new Untitled document on disk and opens it. */
    openNew: () => open(() => api.createDocument({})),
    /** A blank page that is written to disk only once the writer types. */
    openBlank: () => open(async () => null),
    /** The writer changed the text. */
    changed(): void {
      if (loading) return
      version++
      if (recovered) recovered = null
      scheduleBackup()
      if (!theirs) scheduleSave()
      emit()
    },
    save: () => save(),
    /** Conflict: write this window's text over the file. */
    keepMine: () => save(true),
    /** Conflict: replace this window's text with the file's. */
    takeTheirs(): void {
      if (!theirs || !doc) return
      show(theirs.text)
      doc = { ...doc, revision: theirs.revision }
      theirs = null
      void api.discardBackup({ path: doc.path }).catch(fail)
      emit()
    },
    /** Recovered: keep the backup's text, writing it to the file. */
    keepRecovered(): Promise<void> {
      recovered = null
      version++
      return save()
    },
    /** Recovered: go back to the file's text and drop the backup. */
    discardRecovered(): void {
      if (!recovered || !doc) return
      show(recovered.fileText)
      recovered = null
      void api.discardBackup({ path: doc.path }).catch(fail)
      emit()
    },
    flush,
    /** The path this window has open, if any. */
    currentPath: () => doc?.path ?? null,
    dispose(): void {
      disposed = true
      unsubscribe()
      if (backupTimer !== null) clock.clearTimeout(backupTimer)
      if (saveTimer !== null) clock.clearTimeout(saveTimer)
    },
  }
}
