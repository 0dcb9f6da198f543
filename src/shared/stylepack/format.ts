import { z } from 'zod'
import { languageSchema } from '../contract/schemas'
import { replacementRulesSchema } from '../prompts/libraryTypes'
import { loraFileNameSchema, samplingPresetSchema } from '../presets/schema'

/** The file name ending of a style pack. */
export const stylePackExtension = '.quirepack'

/** The newest pack format this Quire reads and writes. */
export const stylePackVersion = 1

const MAX_FILE_TEXT = 200_000

/** One prompt or persona file, as written in the library (front matter and body). */
export const packFileSchema = z
  .object({
    id: z.string().min(1),
    language: languageSchema,
    text: z
      .string()
      .max(MAX_FILE_TEXT, 'a prompt or persona file in a pack holds at most 200,000 characters'),
  })
  .strict()
export type PackFile = z.output<typeof packFileSchema>

/** A LoRA adapter a pack's prompts or presets use: named and checksummed, never included. */
export const packLoraSchema = z
  .object({
    file: loraFileNameSchema,
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'the SHA-256 of the file, in 64 hex digits'),
    sizeBytes: z.number().int().nonnegative().optional(),
  })
  .strict()
export type PackLora = z.output<typeof packLoraSchema>

/**
 * A style pack (`.quirepack`, JSON): prompts, sampling presets, a persona, replacement rules and
 * LoRA references, to move a writing style between machines and writers.
 */
export const stylePackSchema = z
  .object({
    format: z.literal('quirepack'),
    version: z.literal(stylePackVersion),
    name: z.string().min(1).max(200),
    description: z.string().max(2_000).default(''),
    createdAt: z.string().optional(),
    prompts: z.array(packFileSchema).max(500, 'a pack holds at most 500 prompt files').default([]),
    personas: z.array(packFileSchema).max(50, 'a pack holds at most 50 persona files').default([]),
    presets: z.array(samplingPresetSchema).max(100, 'a pack holds at most 100 presets').default([]),
    replacements: replacementRulesSchema.default({ zh: [], en: [] }),
    lora: z.array(packLoraSchema).max(50, 'a pack names at most 50 LoRA adapters').default([]),
  })
  .strict()
export type StylePack = z.output<typeof stylePackSchema>
