import type { EngineStatus, GenerationStats, QuireEvent } from '@shared/contract'
import type { EngineJob, EngineSettings } from './host/engineHost'

/** What a backend reports: the contract's deltas, errors and status, and a raw `done`. */
export type BackendEvent =
  | Extract<QuireEvent, { type: 'delta' | 'error' | 'status' }>
  | { type: 'done'; requestId: string; text: string; stats: GenerationStats }

/**
 * Where inference runs. The local engine process (EngineHost) and an OpenAI-compatible
 * server both serve the same calls; their deltas, ends and status changes go to the
 * `onEvent` callback they were built with.
 */
export type InferenceBackend = {
  getStatus(): EngineStatus
  /** Local: load a GGUF file. Remote: there is nothing to load; reports what the server offers. */
  loadModel(path: string): Promise<EngineStatus>
  /** Tokens of a prompt as the backend will count them, and the context it has. */
  measure(system: string, user: string): Promise<{ promptTokens: number; contextSize: number }>
  generate(job: EngineJob): void
  cancel(requestId: string): boolean
  reconfigure(settings: EngineSettings): Promise<void>
  notify(notice: string): void
  dispose(): Promise<void>
}
