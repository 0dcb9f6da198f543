import type { EventListener, QuireEvent } from '../../../../src/shared/contract'
import { QuireError } from '../../../../src/shared/contract'
import type { OpenedDocument } from '../../../../src/shared/documents'
import type {
  Clock,
  DocumentApi,
  EditorPort,
} from '../../../../src/renderer/src/documents/sessionTypes'

type Call = { method: string; input: unknown }

/**
 * An in-memory host with the contract's rules: revisions change with the bytes, a stale save is
 * a conflict, saving drops the backup, every change is broadcast.
 */
export function fakeHost() {
  const files = new Map<string, { text: string; revision: string }>()
  const backups = new Map<string, string>()
  const listeners = new Set<EventListener>()
  const calls: Call[] = []
  let nextRevision = 1
  let refuseSaves: QuireError | null = null
  const broadcast = (event: QuireEvent): void => {
    for (const listener of listeners) listener(event)
  }
  const write = (path: string, text: string): string => {
    const revision = `r${nextRevision++}`
    files.set(path, { text, revision })
    return revision
  }
  const opened = (path: string): OpenedDocument => {
    const file = files.get(path)
    if (!file) throw new QuireError('document-not-found', `${path} is gone.`)
    const backup = backups.get(path)
    return {
      path,
      title: file.text.split('\n')[0] ?? '',
      text: file.text,
      revision: file.revision,
      recovered: backup !== undefined ? { text: backup, backupMs: 1 } : null,
    }
  }
  const api: DocumentApi = {
    async listDocuments() {
      calls.push({ method: 'listDocuments', input: undefined })
      return { folder: '/docs', documents: [] }
    },
    async openDocument(input) {
      calls.push({ method: 'openDocument', input })
      return opened(input.path)
    },
    async createDocument(input) {
      calls.push({ method: 'createDocument', input })
      const path = `Untitled ${files.size + 1}.md`
      write(path, input.text ?? '')
      return opened(path)
    },
    async saveDocument(input) {
      calls.push({ method: 'saveDocument', input })
      if (refuseSaves) throw refuseSaves
      const file = files.get(input.path)
      if (file && file.revision !== input.baseRevision && !input.force)
        return { ok: false, reason: 'conflict', revision: file.revision, text: file.text }
      const revision = write(input.path, input.text)
      backups.delete(input.path)
      broadcast({ type: 'document-changed', path: input.path, revision, origin: 'save' })
      return { ok: true, path: input.path, title: input.text.split('\n')[0] ?? '', revision }
    },
    async backupDocument(input) {
      calls.push({ method: 'backupDocument', input })
      backups.set(input.path, input.text)
      return { ok: true, backupMs: Date.now() }
    },
    async discardBackup(input) {
      calls.push({ method: 'discardBackup', input })
      backups.delete(input.path)
      return { ok: true }
    },
    onEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
  return {
    api,
    files,
    backups,
    calls,
    writes: () => calls.filter((c) => /save|create|backup|discard/i.test(c.method)),
    /** Another program writes the file. */
    editOnDisk(path: string, text: string): void {
      const revision = write(path, text)
      broadcast({ type: 'document-changed', path, revision, origin: 'disk' })
    },
    /** Another window renamed the document. */
    rename(from: string, to: string): void {
      broadcast({ type: 'document-renamed', from, to })
    },
    removeOnDisk(path: string): void {
      files.delete(path)
      broadcast({ type: 'document-removed', path })
    },
    refuse(error: QuireError | null): void {
      refuseSaves = error
    },
  }
}

/** An editor stand-in holding Markdown; `type` is the writer typing. */
export function fakeEditor() {
  let text = ''
  let editable = true
  const port: EditorPort = {
    read: () => text,
    load: (next) => {
      text = next
    },
    setEditable: (value) => {
      editable = value
    },
  }
  return {
    port,
    text: () => text,
    editable: () => editable,
    set: (next: string) => {
      text = next
    },
  }
}

/** The session's clock on vitest's fake timers. */
export const fakeClock: Clock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}
