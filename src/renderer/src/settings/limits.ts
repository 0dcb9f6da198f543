import type { z } from 'zod'
import { engineSettingsSchema, remoteSettingsSchema } from '@shared/settings/schema'
import type { NumberField } from './draft'

export type Range = { min: number; max: number }

const rangeOf = (schema: z.ZodNumber, scale = 1): Range => ({
  min: (schema.minValue ?? 0) / scale,
  max: (schema.maxValue ?? Number.MAX_SAFE_INTEGER) / scale,
})

const engine = engineSettingsSchema.shape
const gpuLayers = engine.gpuLayers.unwrap().options[1]

/** The allowed range of each number field, read from the settings schema the host validates with. */
export const limits: Record<NumberField, Range> = {
  threads: rangeOf(engine.threads.unwrap()),
  contextSize: rangeOf(engine.contextSize.unwrap()),
  gpuLayers: rangeOf(gpuLayers),
  sequences: rangeOf(engine.sequences.unwrap()),
  // The writer types seconds; the setting is in milliseconds.
  timeoutSeconds: rangeOf(remoteSettingsSchema.shape.timeoutMs.unwrap(), 1000),
}

/** Context sizes a writer is likely to pick; any other number can be typed. */
export const commonContextSizes = [2048, 4096, 8192, 16384, 32768]
