import { engineJobSchema, type EngineJob, type ParsedEngineJob } from '@core/engine/backend'
import type { RunListener } from '@core/engine/worker/llamaEngine'
import type { SamplingValues } from '@shared/presets/schema'

/** What a test varies in an engine job with ready messages. */
export type MessagesJobOptions = {
  runId?: string
  system: string
  user: string
  sampling: SamplingValues
  seed?: number
  deadlineAt?: number
  lora?: { file: string; scale: number }[]
}

/** An engine job that sends `system` and `user` as they are. */
export function messagesJob(options: MessagesJobOptions): ParsedEngineJob {
  const job: EngineJob = {
    runId: options.runId ?? crypto.randomUUID(),
    prompt: { kind: 'messages', system: options.system, user: options.user },
    sampling: options.sampling,
    seed: options.seed,
    deadlineAt: options.deadlineAt,
    lora: options.lora ?? [],
  }
  return engineJobSchema.parse(job)
}

/** A run listener that hands each piece of text to `onDelta` and ignores the rest. */
export function onDelta(handle: (text: string, tokens: number) => void = () => {}): RunListener {
  return { queued: () => {}, started: () => {}, delta: handle }
}

/** A run listener that ignores everything. */
export const quiet: RunListener = onDelta()
