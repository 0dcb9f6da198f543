import { z } from 'zod'
import { errorCodeSchema, generationStatsSchema, modelInfoSchema } from '@shared/contract'
import { samplingValuesSchema } from '@shared/presets/schema'

/** Messages from the host to the engine process. */
export const hostToEngineSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('load'),
    callId: z.number().int(),
    path: z.string(),
    threads: z.number().int().nonnegative(),
    contextSize: z.number().int().positive(),
    gpu: z.enum(['auto', 'off']),
    gpuLayers: z.union([z.literal('auto'), z.number().int().nonnegative()]),
    sequences: z.number().int().min(1).max(8),
  }),
  z.object({
    type: z.literal('generate'),
    requestId: z.string(),
    system: z.string(),
    user: z.string(),
    sampling: samplingValuesSchema,
    seed: z.number().int().nonnegative().optional(),
    turns: z
      .array(z.object({ role: z.enum(['user', 'assistant']), content: z.string() }))
      .default([]),
    lora: z.array(z.object({ file: z.string(), scale: z.number() })).default([]),
    deadlineAt: z.number().optional(),
  }),
  z.object({ type: z.literal('cancel'), requestId: z.string() }),
  z.object({
    type: z.literal('measure'),
    callId: z.number().int(),
    system: z.string(),
    user: z.string(),
  }),
])
export type HostToEngine = z.input<typeof hostToEngineSchema>

/** Messages from the engine process to the host. */
export const engineToHostSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), pid: z.number().int() }),
  z.object({ type: z.literal('loaded'), callId: z.number().int(), model: modelInfoSchema }),
  z.object({
    type: z.literal('load-failed'),
    callId: z.number().int(),
    code: errorCodeSchema,
    message: z.string(),
  }),
  z.object({
    type: z.literal('delta'),
    requestId: z.string(),
    seq: z.number().int(),
    text: z.string(),
    /** Tokens generated so far. */
    tokens: z.number().int(),
  }),
  z.object({
    type: z.literal('done'),
    requestId: z.string(),
    text: z.string(),
    stats: generationStatsSchema,
  }),
  z.object({
    type: z.literal('failed'),
    requestId: z.string(),
    code: errorCodeSchema,
    message: z.string(),
  }),
  z.object({ type: z.literal('log'), level: z.string(), message: z.string() }),
  z.object({
    type: z.literal('measured'),
    callId: z.number().int(),
    promptTokens: z.number().int(),
    contextSize: z.number().int(),
  }),
  z.object({
    type: z.literal('measure-failed'),
    callId: z.number().int(),
    code: errorCodeSchema,
    message: z.string(),
  }),
])
export type EngineToHost = z.infer<typeof engineToHostSchema>

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
