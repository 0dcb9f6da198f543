import type { ErrorPayload, QuireApi } from '@shared/contract'

/** What the status bar shows about the open document's file. */
export type SaveState = 'saved' | 'saving' | 'unsaved' | 'recovered' | 'conflict'

/** The open document as the desk shows it. */
export type SessionView = {
  /** Null before the first keystroke of a document that is not on disk yet. */
  path: string | null
  title: string
  saveState: SaveState
  /** A hot-exit backup newer than the file was opened: the writer keeps or discards it. */
  recovered: { backupMs: number } | null
  /** The file changed on disk while this window had unsaved edits. */
  conflict: { revision: string } | null
  /** The file was deleted or moved away; saving writes it again. */
  removed: boolean
  /** The last save or backup the host refused, in the writer's words. */
  error: ErrorPayload | null
  loading: boolean
}

/** The editor as the session sees it: its text as Markdown, and a way to replace it. */
export type EditorPort = {
  /** The document as Markdown (what saving writes). */
  read(): string
  /** Replaces the document without counting as the writer's edit (no save, no undo step). */
  load(text: string): void
  setEditable(editable: boolean): void
}

/** The part of the contract a document session uses. */
export type DocumentApi = Pick<
  QuireApi,
  | 'openDocument'
  | 'createDocument'
  | 'saveDocument'
  | 'backupDocument'
  | 'discardBackup'
  | 'listDocuments'
  | 'onEvent'
>

/** setTimeout and a clock, replaceable in tests. */
export type Clock = {
  now(): number
  setTimeout(run: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export const browserClock: Clock = {
  now: () => performance.now(),
  setTimeout: (run, ms) => window.setTimeout(run, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
}

/** How soon unsaved text reaches a backup, and the file, after the writer types. */
export const TIMING = {
  /** Backups are throttled, not debounced: continuous typing still backs up this often. */
  backupMs: 700,
  /** The file is written this long after typing stops (as Obsidian and iA Writer do). */
  saveMs: 1_000,
  /** Never wait longer than this for a backup, however long the document. */
  maxBackupMs: 10_000,
} as const
