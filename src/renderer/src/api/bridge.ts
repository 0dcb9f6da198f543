import type { ErrorPayload, MethodName, QuireEvent } from '@shared/contract'

/** What a host call returns across the preload: errors travel as values, not as thrown strings. */
export type Envelope = { ok: true; value: unknown } | { ok: false; error: ErrorPayload }

/** The object the Electron preload exposes as `window.quire`: named methods only. */
export type QuireBridge = { [M in MethodName]: (input?: unknown) => Promise<Envelope> } & {
  onEvent(listener: (event: QuireEvent) => void): () => void
  /** Electron only: the native file dialog for choosing a GGUF model; null when cancelled. */
  pickModelFile(): Promise<string | null>
  /** A .md/.txt file dropped on the window: the path to open it by, or null for other files. */
  openDroppedFile?(file: File): Promise<string | null>
  /** File › Open, Open Recent and files opened from the OS, as paths to open. */
  onOpenPath?(listener: (path: string) => void): () => void
  /** Edit › Paste and Match Style / Paste as Plain Text: the clipboard's text to paste plain. */
  onPastePlainText?(listener: (text: string) => void): () => void
}

declare global {
  interface Window {
    quire?: QuireBridge
  }
}
