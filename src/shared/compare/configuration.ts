import { z } from 'zod'
import { loraAdapterSchema, samplingOverridesSchema, samplingValuesSchema } from '../presets/schema'

const MAX_TEMPLATE = 50_000

/** A library id (prompt, preset, persona) as a request may name it. */
const libraryIdSchema = z.string().trim().min(1).max(200)

/**
 * A template tried instead of the prompt file's (the playground): the user message body
 * (Mustache, with the same variables as the file) and, optionally, the system message.
 */
export const templateOverrideSchema = z
  .object({
    body: z
      .string()
      .max(MAX_TEMPLATE)
      .refine((s) => s.trim().length > 0, 'The template is empty; write the message to send.'),
    system: z.string().max(MAX_TEMPLATE).optional(),
  })
  .strict()
export type TemplateOverride = z.output<typeof templateOverrideSchema>

/**
 * What a configuration may change about how one action runs; anything left out is the
 * action's own. A `preset` replaces the prompt's preset and its `sampling:` tweaks (the prompt's
 * token budget stays); `sampling` then sets single values; `lora` replaces the whole adapter set
 * (`[]` runs without adapters); `model` names the model the request runs on (a model's id in the
 * model store, or the name of the model in use); `backend: 'remote'` runs it on the server set
 * in Settings.
 */
export const generationOverridesSchema = z
  .object({
    preset: libraryIdSchema.optional(),
    sampling: samplingOverridesSchema.optional(),
    persona: libraryIdSchema.optional(),
    lora: z.array(loraAdapterSchema).max(8).optional(),
    template: templateOverrideSchema.optional(),
    model: z.string().trim().min(1).max(500).optional(),
    backend: z.enum(['local', 'remote']).optional(),
  })
  .strict()
export type GenerationOverrides = z.output<typeof generationOverridesSchema>
export type GenerationOverridesInput = z.input<typeof generationOverridesSchema>

/**
 * A configuration as a writer (Compare, the playground) or `quire eval` chooses it: an action
 * and what to change about it. Two configurations of one action are what Compare pits against
 * each other.
 */
export const configurationSchema = z
  .object({
    promptId: libraryIdSchema,
    overrides: generationOverridesSchema.default({}),
  })
  .strict()
export type Configuration = z.output<typeof configurationSchema>
export type ConfigurationInput = z.input<typeof configurationSchema>

/**
 * What actually ran, every value explicit: the `started` event carries it, votes and eval
 * reports store it, and its fingerprint names it. Templates are named by a content hash, so an
 * edited prompt or persona is a new version.
 */
export const resolvedConfigurationSchema = z
  .object({
    promptId: z.string(),
    language: z.enum(['zh', 'en']),
    /** Hash of the user-message template sent (the file's, or the playground's). */
    promptVersion: z.string(),
    /** The preset the sampling values started from. */
    preset: z.string(),
    sampling: samplingValuesSchema,
    persona: z.string(),
    /** Hash of the system message template (the persona's text, or the playground's). */
    personaVersion: z.string(),
    lora: z.array(loraAdapterSchema),
    /** The model's name, or the remote model id; empty when none was known. */
    model: z.string(),
    backend: z.enum(['local', 'remote']),
  })
  .strict()
export type ResolvedConfiguration = z.output<typeof resolvedConfigurationSchema>
