import { z } from 'zod'
import {
  chatMessageSchema,
  errorCodeSchema,
  messageRefSchema,
  generationStatsSchema,
  modelInfoSchema,
  stopReasonSchema,
} from '@shared/contract'
import { isInt, isJsonObject } from '@shared/contract/deltaFastPath'
import { engineJobSchema, engineSettingsSchema } from './backend'

/** Messages from the host to the engine process. */
export const hostToEngineSchema = z.discriminatedUnion('type', [
  engineSettingsSchema.extend({
    type: z.literal('load'),
    callId: z.number().int(),
    path: z.string(),
  }),
  /** One message per run: the engine fits the prompt to its context itself. */
  engineJobSchema.extend({ type: z.literal('generate') }),
  z.object({
    type: z.literal('cancel'),
    runId: z.string(),
    reason: stopReasonSchema.default('abort'),
  }),
  /** Frees the model's memory (it is lent to a comparison); a `load` brings it back. */
  z.object({ type: z.literal('unload'), callId: z.number().int() }),
])
export type HostToEngine = z.input<typeof hostToEngineSchema>

/** Messages from the engine process to the host. */
export const engineToHostSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), pid: z.number().int() }),
  z.object({
    type: z.literal('load-progress'),
    callId: z.number().int(),
    progress: z.number().min(0).max(1),
  }),
  z.object({ type: z.literal('loaded'), callId: z.number().int(), model: modelInfoSchema }),
  z.object({ type: z.literal('unloaded'), callId: z.number().int() }),
  z.object({
    type: z.literal('load-failed'),
    callId: z.number().int(),
    code: errorCodeSchema,
    message: z.string(),
    ...messageRefSchema.shape,
  }),
  /** Every sequence is busy; the run waits. */
  z.object({ type: z.literal('queued'), runId: z.string() }),
  /** The prompt fits and is being evaluated: these are the messages. */
  z.object({
    type: z.literal('started'),
    runId: z.string(),
    messages: z.array(chatMessageSchema),
    trimmedBefore: z.boolean(),
    promptTokens: z.number().int().nonnegative(),
  }),
  z.object({
    type: z.literal('delta'),
    runId: z.string(),
    text: z.string(),
    /** Tokens generated so far. */
    tokens: z.number().int(),
  }),
  z.object({
    type: z.literal('done'),
    runId: z.string(),
    text: z.string(),
    stats: generationStatsSchema,
  }),
  z.object({
    type: z.literal('failed'),
    runId: z.string(),
    code: errorCodeSchema,
    message: z.string(),
    ...messageRefSchema.shape,
  }),
  z.object({ type: z.literal('log'), level: z.string(), message: z.string() }),
])
export type EngineToHost = z.infer<typeof engineToHostSchema>

/**
 * Parses a message from the engine process as `engineToHostSchema` does, its pieces of text by
 * hand (it sends one or more per frame): the same messages pass, with the same result; the rest,
 * and every malformed message, through zod (see `@shared/contract/deltaFastPath`).
 */
export function parseEngineMessage(raw: unknown): ReturnType<typeof engineToHostSchema.safeParse> {
  if (isJsonObject(raw) && raw.type === 'delta') {
    const { runId, text, tokens } = raw
    if (typeof runId === 'string' && typeof text === 'string' && isInt(tokens))
      return { success: true, data: { type: 'delta', runId, text, tokens } }
  }
  return engineToHostSchema.safeParse(raw)
}

/** How a host talks to one engine process, whatever started it (fork or Electron utilityProcess). */
export type EngineChannel = {
  send(message: HostToEngine): void
  onMessage(listener: (message: unknown) => void): void
  /** Called once when the process is gone; `stderr` holds its last lines of native output. */
  onExit(
    listener: (exit: { code: number | null; signal: string | null; stderr: string }) => void,
  ): void
  kill(): void
}

/** Starts a fresh engine process. */
export type EngineLauncher = () => EngineChannel
