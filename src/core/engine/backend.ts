import { z } from 'zod'
import type {
  ChatMessage,
  EngineStatus,
  ErrorCode,
  GenerationStats,
  MessageRef,
  StopReason,
} from '@shared/contract'
import { refOf } from '@shared/contract'
import { samplingValuesSchema } from '@shared/presets/schema'
import {
  engineSettingsSchema as settingsEngineSchema,
  type remoteSettingsSchema,
} from '@shared/settings/schema'

/** Settings of the local engine process: the Settings' engine group without the backend choice. */
export const engineSettingsSchema = settingsEngineSchema.omit({ backend: true })
export type EngineSettings = z.output<typeof engineSettingsSchema>

/** Earlier turns of a conversation, for clients of the OpenAI-compatible endpoint. */
export const chatTurnSchema = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.string(),
})
export type ChatTurn = z.infer<typeof chatTurnSchema>

/**
 * A prompt the backend fits to its context itself, in one step: `user` holds `marker` where
 * the text before the selection goes; the longest tail of `before` that leaves room for the
 * answer is put there, or, when none does, the prompt rendered without it (`bareUser`).
 */
export const promptToFitSchema = z.object({
  kind: z.literal('fit'),
  system: z.string(),
  user: z.string(),
  marker: z.string().min(1),
  before: z.string(),
  bareUser: z.string(),
  /** Only to say how large the selection is when even `bareUser` does not fit. */
  selection: z.string(),
})
export type PromptToFit = z.infer<typeof promptToFitSchema>

/** Messages sent as they are (a language retry, an OpenAI-compatible request). */
export const fixedPromptSchema = z.object({
  kind: z.literal('messages'),
  system: z.string(),
  user: z.string(),
  turns: z.array(chatTurnSchema).default([]),
})

/** One run of tokens: the prompt, how to sample, and when to give up. */
export const engineJobSchema = z.object({
  /** The backend's handle for this run (the request id and attempt). */
  runId: z.string().min(1),
  prompt: z.discriminatedUnion('kind', [promptToFitSchema, fixedPromptSchema]),
  sampling: samplingValuesSchema,
  seed: z.number().int().nonnegative().optional(),
  lora: z.array(z.object({ file: z.string(), scale: z.number() })).default([]),
  /** Epoch milliseconds after which the run stops with what it has. */
  deadlineAt: z.number().optional(),
})
export type EngineJob = z.input<typeof engineJobSchema>
export type ParsedEngineJob = z.output<typeof engineJobSchema>

/** What a backend evaluates for a run, once the prompt fits. */
export type FittedPrompt = {
  messages: ChatMessage[]
  trimmedBefore: boolean
  promptTokens: number
}

/** Where one run's events go. Exactly one of `done` and `error` ends it. */
export type RunSink = {
  /** Every sequence is busy: the run waits its turn. */
  queued(): void
  started(prompt: FittedPrompt): void
  delta(text: string, tokens: number): void
  done(text: string, stats: GenerationStats): void
  /** `ref` names the message, so a UI can word it in the writer's language. */
  error(code: ErrorCode, message: string, ref?: MessageRef): void
}

/** The remote server's settings, and the context its model has (Quire cannot ask for it). */
export type RemoteSettings = z.output<typeof remoteSettingsSchema> & { contextSize: number }

/** Everything a backend may be configured with; each takes the part that concerns it. */
export type BackendConfig = { local: EngineSettings; remote: RemoteSettings }

/**
 * Where inference runs: the local engine process (EngineHost) or an OpenAI-compatible server.
 * A backend only runs tokens: one run at a time per `runId`, its events to the run's sink.
 * Requests, retries and post-processing belong to the GenerationService.
 */
export type InferenceBackend = {
  readonly kind: 'local' | 'remote'
  getStatus(): EngineStatus
  /** Local: load a GGUF file. Remote: there is nothing to load; reports what the server offers. */
  loadModel(path: string): Promise<EngineStatus>
  run(job: EngineJob, sink: RunSink): void
  /** Stops a run; it still ends with `done` (the text so far) unless it never began. */
  cancel(runId: string, reason?: StopReason): boolean
  /** Applies new settings; does nothing when the part it uses did not change. */
  configure(config: BackendConfig): Promise<void>
  /** Checks again what can change outside Quire (the remote server, with a new key). */
  recheck(): Promise<void>
  notify(notice: string): void
  dispose(): Promise<void>
}

/** The status of a backend with no model in use: starting, idle or restarting, with why. */
export function statusWithoutModel(
  state: 'starting' | 'idle' | 'restarting',
  notice: string | null = null,
  noticeRef: MessageRef | null = null,
): EngineStatus {
  return {
    state,
    model: null,
    loadingPath: null,
    loadProgress: null,
    notice,
    noticeRef: noticeRef && refOf(noticeRef),
  }
}
