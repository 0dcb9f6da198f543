import { z } from 'zod'
import { errorCodeSchema, messageRefSchema } from './errors'
import { stepIds, stepSpecListSchema } from '../postprocess/stepSpec'
import { downloadProgressSchema } from './models'
import {
  documentChangedEventSchema,
  documentRemovedEventSchema,
  documentRenamedEventSchema,
  documentsChangedEventSchema,
} from '../documents/schemas'
import { samplingValuesSchema } from '../presets/schema'
import { promptChecksSchema } from '../prompts/checks'
import { generationOverridesSchema, resolvedConfigurationSchema } from '../compare/configuration'

export const languageSchema = z.enum(['zh', 'en'])
export type Language = z.infer<typeof languageSchema>

export const languageChoiceSchema = z.enum(['auto', 'zh', 'en'])
export type LanguageChoice = z.infer<typeof languageChoiceSchema>

export const promptKindSchema = z.enum(['rewrite', 'poem', 'continue', 'transform'])
export type PromptKind = z.infer<typeof promptKindSchema>

export const applyModeSchema = z.enum(['replace', 'insert-after', 'at-cursor'])
export type ApplyMode = z.infer<typeof applyModeSchema>

export const modelInfoSchema = z.object({
  path: z.string(),
  name: z.string(),
  architecture: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  contextSize: z.number().int().positive(),
  backend: z.string(),
  /** Layers offloaded to the GPU, of the model's total. */
  gpuLayers: z.number().int().nonnegative(),
  totalLayers: z.number().int().nonnegative(),
  sequences: z.number().int().positive(),
  threads: z.number().int().nonnegative(),
  loadMs: z.number().nonnegative(),
  /** Why the model runs on fewer GPU layers than asked, or on the CPU, when it does. */
  fallback: z.string().nullable(),
})
export type ModelInfo = z.infer<typeof modelInfoSchema>

export const engineStateSchema = z.enum(['starting', 'idle', 'loading', 'ready', 'restarting'])
export type EngineState = z.infer<typeof engineStateSchema>

export const engineStatusSchema = z.object({
  state: engineStateSchema,
  model: modelInfoSchema.nullable(),
  /** The file being loaded while `state` is `loading`. */
  loadingPath: z.string().nullable(),
  /** The last problem worth telling the writer about (a failed load, an engine restart). */
  notice: z.string().nullable(),
  /** How far the load has come (0..1) while `state` is `loading`; null when unknown or not loading. */
  loadProgress: z.number().min(0).max(1).nullable().default(null),
  /** The notice's key and values, so a UI can word it in the writer's language. */
  noticeRef: messageRefSchema.nullable().optional(),
  /** The server in use when inference runs remotely (its host and port); absent for the local engine. */
  remote: z.object({ server: z.string() }).nullable().optional(),
})
export type EngineStatus = z.infer<typeof engineStatusSchema>

export const loadModelRequestSchema = z.object({
  path: z.string().trim().min(1, 'Choose a model file.'),
})

export const promptSummarySchema = z.object({
  id: z.string(),
  kind: promptKindSchema,
  language: languageSchema,
  title: z.string(),
  description: z.string(),
  shortcut: z.string().nullable(),
  apply: applyModeSchema,
  preset: z.string(),
  persona: z.string(),
  /** Post-processing steps, so the card can clean the text as it streams. */
  postprocess: stepSpecListSchema,
  /** Fields the writer fills in when the action runs. */
  variables: z.array(z.object({ name: z.string(), label: z.string(), default: z.string() })),
  /** The prompt's checkable constraints, so Best of N can score answers (none when absent). */
  checks: promptChecksSchema.optional(),
})
export type PromptSummary = z.infer<typeof promptSummarySchema>

const MAX_TEXT = 200_000

export const generateRequestSchema = z.object({
  promptId: z.string().min(1, 'Name a prompt to run.'),
  selection: z
    .string()
    .max(MAX_TEXT)
    .refine((s) => s.trim().length > 0, 'Select some text first.'),
  before: z.string().max(MAX_TEXT).default(''),
  after: z.string().max(MAX_TEXT).default(''),
  title: z.string().max(1_000).default(''),
  language: languageChoiceSchema.default('auto'),
  variables: z.record(z.string(), z.string().max(10_000)).default({}),
  /** llama.cpp seeds are 32-bit. */
  seed: z.number().int().nonnegative().max(4_294_967_295).optional(),
  maxTokens: z.number().int().positive().max(8_192).optional(),
  /** How long the request may take, queueing included; it then stops with what it has. */
  deadlineMs: z.number().int().min(1_000).max(600_000).default(120_000),
  /** A configuration's changes to the action (Compare, the playground, `quire eval`). */
  overrides: generationOverridesSchema.optional(),
})
export type GenerateRequest = z.input<typeof generateRequestSchema>
export type ParsedGenerateRequest = z.output<typeof generateRequestSchema>

export const requestIdSchema = z.string().min(1).max(100)

/** `generate`'s input: the request with the id its client minted (a UUID), so events and `cancel` can name it before the host answers. */
export const generateCallSchema = generateRequestSchema.extend({
  requestId: z.uuid('The request id must be a UUID (crypto.randomUUID()).'),
})
export type GenerateCall = z.input<typeof generateCallSchema>
export type ParsedGenerateCall = z.output<typeof generateCallSchema>

/** `budget`: a `trim-length`/`max-lines` step's budget was reached at a sentence end, so Quire stopped early. */
export const stopReasonSchema = z.enum([
  'eos',
  'max-tokens',
  'abort',
  'deadline',
  'stop-trigger',
  'budget',
])
export type StopReason = z.infer<typeof stopReasonSchema>

export const generationStatsSchema = z.object({
  /** Tokens in the whole prompt (system + user). */
  promptTokens: z.number().int().nonnegative(),
  /** Prompt tokens already in the context from an earlier request and not evaluated again. */
  reusedTokens: z.number().int().nonnegative(),
  /** Prompt tokens evaluated for this request. */
  evaluatedTokens: z.number().int().nonnegative(),
  generatedTokens: z.number().int().nonnegative(),
  timeToFirstTokenMs: z.number().nonnegative().nullable(),
  tokensPerSecond: z.number().nonnegative(),
  totalMs: z.number().nonnegative(),
  stopReason: stopReasonSchema,
})
export type GenerationStats = z.infer<typeof generationStatsSchema>

/**
 * The request waits: for the model being loaded, for a free sequence, or (Compare on two local
 * models that do not fit in memory together) for the other answer to end first.
 */
export const waitingEventSchema = z.object({
  type: z.literal('waiting'),
  requestId: requestIdSchema,
  reason: z.enum(['model-loading', 'queued', 'other-answer']),
})

export const chatMessageSchema = z.object({
  role: z.enum(['system', 'user']),
  content: z.string(),
})
export type ChatMessage = z.infer<typeof chatMessageSchema>

/** An attempt begins: exactly what was sent to the model, after the prompt was fitted to its context. */
export const startedEventSchema = z.object({
  type: z.literal('started'),
  requestId: requestIdSchema,
  /** 1, or 2 for the language retry. */
  attempt: z.number().int().positive(),
  messages: z.array(chatMessageSchema),
  sampling: samplingValuesSchema,
  maxTokens: z.number().int().positive(),
  seed: z.number().int().nonnegative().nullable(),
  /** The model's name (or the remote model id). */
  model: z.string(),
  /** The text before the selection was shortened so the prompt fits the context. */
  trimmedBefore: z.boolean(),
  /** The configuration that ran, every value explicit (absent for raw OpenAI-style requests). */
  configuration: resolvedConfigurationSchema.optional(),
  /** Its fingerprint, as votes and eval reports name it. */
  fingerprint: z.string().optional(),
})

export const deltaEventSchema = z.object({
  type: z.literal('delta'),
  requestId: requestIdSchema,
  seq: z.number().int().nonnegative(),
  text: z.string(),
  /** Tokens generated so far in this attempt. */
  tokens: z.number().int().nonnegative(),
})
export const textEditSchema = z.object({
  at: z.number().int().nonnegative(),
  removed: z.string(),
  inserted: z.string(),
})
export const stepChangeSchema = z.object({ step: z.enum(stepIds), edits: z.array(textEditSchema) })
export type StepChangeView = z.infer<typeof stepChangeSchema>

export const postprocessFlagsSchema = z.object({
  /** The answer was mostly in the other language (after the one retry, if there was one). */
  languageMismatch: z.boolean(),
  /** Cleaning would have emptied the answer, so the raw text was kept. */
  keptRaw: z.boolean(),
  /** A length or line limit cut the answer. */
  truncated: z.boolean(),
  /**
   * A step threw, so the answer is the raw text: the step's id, or `pipeline` when no one step
   * is to blame. Absent when cleaning went through.
   */
  postprocessFailed: z.enum([...stepIds, 'pipeline']).optional(),
})

export const doneEventSchema = z.object({
  type: z.literal('done'),
  requestId: requestIdSchema,
  /** The cleaned answer. */
  text: z.string(),
  /** The answer as the model wrote it. */
  raw: z.string(),
  changes: z.array(stepChangeSchema),
  flags: postprocessFlagsSchema,
  /** The first answer was in the wrong language and Quire asked once more. */
  retried: z.boolean(),
  stats: generationStatsSchema,
})

/** The text so far is dropped and generation starts over (once, when the language was wrong). */
export const retryEventSchema = z.object({
  type: z.literal('retry'),
  requestId: requestIdSchema,
  reason: z.enum(['language']),
})
export const errorEventSchema = z.object({
  type: z.literal('error'),
  requestId: requestIdSchema,
  code: errorCodeSchema,
  message: z.string(),
  ...messageRefSchema.shape,
})
export const statusEventSchema = z.object({ type: z.literal('status'), status: engineStatusSchema })

/** Progress of a model download. */
export const downloadEventSchema = z.object({
  type: z.literal('download'),
  downloadId: z.string(),
  modelId: z.string(),
  progress: downloadProgressSchema,
})

/** A download ended: installed, paused (resumable), cancelled or failed. */
export const downloadEndEventSchema = z.object({
  type: z.literal('download-end'),
  downloadId: z.string(),
  modelId: z.string(),
  outcome: z.enum(['installed', 'paused', 'cancelled', 'failed']),
  path: z.string().nullable(),
  message: z.string().nullable(),
  ...messageRefSchema.shape,
})

/** The prompt library changed on disk or through the panel: lists should be fetched again. */
export const libraryChangedEventSchema = z.object({ type: z.literal('library-changed') })

export const quireEventSchema = z.discriminatedUnion('type', [
  libraryChangedEventSchema,
  waitingEventSchema,
  startedEventSchema,
  deltaEventSchema,
  doneEventSchema,
  retryEventSchema,
  downloadEventSchema,
  downloadEndEventSchema,
  errorEventSchema,
  statusEventSchema,
  documentChangedEventSchema,
  documentRemovedEventSchema,
  documentRenamedEventSchema,
  documentsChangedEventSchema,
])
export type QuireEvent = z.infer<typeof quireEventSchema>
export type DeltaEvent = z.infer<typeof deltaEventSchema>
export type DoneEvent = z.infer<typeof doneEventSchema>
export type ErrorEvent = z.infer<typeof errorEventSchema>
/** The events about the writer's documents, broadcast to every client. */
export type DocumentEvent = Extract<
  QuireEvent,
  { type: 'document-changed' | 'document-removed' | 'document-renamed' | 'documents-changed' }
>
export type WaitingEvent = z.infer<typeof waitingEventSchema>
export type StartedEvent = z.infer<typeof startedEventSchema>

const generationEventTypes = ['waiting', 'started', 'delta', 'retry', 'done', 'error'] as const

/** The events that belong to one generation request (sent only to the client that asked). */
export type GenerationEvent = Extract<QuireEvent, { type: (typeof generationEventTypes)[number] }>

export function isGenerationEvent(event: QuireEvent): event is GenerationEvent {
  return (generationEventTypes as readonly string[]).includes(event.type)
}

/** A request's last event: nothing follows a `done` or an `error`. */
export function isFinalEvent(
  event: QuireEvent,
): event is Extract<QuireEvent, { type: 'done' | 'error' }> {
  return event.type === 'done' || event.type === 'error'
}

/** The stats of an answer that never started: nothing generated, nothing evaluated. */
export function emptyStats(stopReason: StopReason, promptTokens = 0): GenerationStats {
  return {
    promptTokens,
    reusedTokens: 0,
    evaluatedTokens: 0,
    generatedTokens: 0,
    timeToFirstTokenMs: null,
    tokensPerSecond: 0,
    totalMs: 0,
    stopReason,
  }
}
