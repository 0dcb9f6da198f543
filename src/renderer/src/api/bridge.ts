import type { ErrorPayload, MethodName, QuireEvent } from '@shared/contract'

/** What a host call returns across the preload: errors travel as values, not as thrown strings. */
export type Envelope = { ok: true; value: unknown } | { ok: false; error: ErrorPayload }

/** The object the Electron preload exposes as `window.quire`: named methods only. */
export type QuireBridge = { [M in MethodName]: (input?: unknown) => Promise<Envelope> } & {
  onEvent(listener: (event: QuireEvent) => void): () => void
  /** Electron only: the native file dialog for choosing a GGUF model; null when cancelled. */
  pickModelFile(): Promise<string | null>
}

declare global {
  interface Window {
    quire?: QuireBridge
  }
}
