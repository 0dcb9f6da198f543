import { z } from 'zod'

/** Sampling values a preset sets; a prompt's `sampling:` may override any of them. */
const samplingFields = {
  temperature: z.number().min(0).max(2),
  topP: z.number().gt(0).max(1),
  topK: z.number().int().min(0).max(1_000),
  minP: z.number().min(0).max(1),
  repeatPenalty: z.number().min(1).max(2),
  frequencyPenalty: z.number().min(0).max(2),
  presencePenalty: z.number().min(0).max(2),
  /** DRY ("don't repeat yourself") penalty strength; 0 turns it off. */
  dryStrength: z.number().min(0).max(5),
  maxTokens: z.number().int().positive().max(8_192),
}

export const samplingValuesSchema = z.object({
  ...samplingFields,
  minP: samplingFields.minP.default(0),
  frequencyPenalty: samplingFields.frequencyPenalty.default(0),
  presencePenalty: samplingFields.presencePenalty.default(0),
  dryStrength: samplingFields.dryStrength.default(0),
})
export type SamplingValues = z.output<typeof samplingValuesSchema>

/**
 * What a prompt or a compared configuration changes: only the values it names. Built from the
 * fields without their defaults (zod's `.partial()` keeps them), so `{temperature: 0.5}` does not
 * also set minP, the penalties and DRY to 0 over the preset's values.
 */
export const samplingOverridesSchema = z.object(samplingFields).partial().strict()
export type SamplingOverrides = z.output<typeof samplingOverridesSchema>

/**
 * A LoRA adapter's file name in the data folder's `lora/`: no folder, absolute path or `..`,
 * so a shared prompt or preset can never make Quire load a file from anywhere else.
 */
export const loraFileNameSchema = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !/[/\\:\0]/.test(name) && name !== '.' && name !== '..', {
    message:
      'name a LoRA adapter by its file name in the lora folder of your data folder (e.g. autumn.gguf), without a folder, an absolute path or ".."',
  })

/** A LoRA style adapter: a GGUF adapter file in the user's lora folder, and its strength. */
export const loraAdapterSchema = z
  .object({ file: loraFileNameSchema, scale: z.number().min(-4).max(4).default(1) })
  .strict()
export type LoraAdapterSpec = z.output<typeof loraAdapterSchema>

export const samplingPresetSchema = samplingValuesSchema.extend({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'use lowercase letters, digits and dashes'),
  title: z.string().min(1),
  description: z.string().default(''),
  lora: z.array(loraAdapterSchema).default([]),
})
export type SamplingPreset = z.output<typeof samplingPresetSchema>

export const presetFileSchema = z.object({ presets: z.array(samplingPresetSchema).min(1) })

/** Applies a prompt's overrides and token budget on top of its preset. */
export function resolveSampling(
  preset: SamplingPreset,
  overrides: SamplingOverrides | undefined,
  maxTokens: number | undefined,
): SamplingValues {
  const { id: _id, title: _title, description: _description, lora: _lora, ...values } = preset
  return { ...values, ...overrides, ...(maxTokens === undefined ? {} : { maxTokens }) }
}
