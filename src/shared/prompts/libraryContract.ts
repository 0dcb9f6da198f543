import { z } from 'zod'
import {
  applyModeSchema,
  languageChoiceSchema,
  languageSchema,
  promptKindSchema,
  promptSummarySchema,
} from '../contract/schemas'
import { messageRefSchema } from '../contract/errors'
import { stepSpecListSchema } from '../postprocess/stepSpec'
import { loraAdapterSchema, samplingValuesSchema } from '../presets/schema'
import { promptOriginSchema, replacementRulesSchema } from './libraryTypes'

/**
 * Request and response shapes for the Library panel, ready to be added to the contract
 * (`src/shared/contract/methods.ts`). Kept here until they are wired.
 */

/** A LibraryProblem as it crosses the contract. */
export const libraryProblemSchema = z.object({
  source: z.string(),
  line: z.number().int().positive().nullable(),
  field: z.string().nullable(),
  message: z.string(),
  ...messageRefSchema.shape,
  severity: z.enum(['error', 'warning']).default('error'),
})

const provenance = { origin: promptOriginSchema, overrides: z.boolean(), source: z.string() }

/** One prompt file in the panel: its summary plus where it comes from. */
export const libraryPromptSchema = promptSummarySchema.extend(provenance)

/** `listLibrary`: everything the Library panel shows. */
export const libraryListingSchema = z.object({
  prompts: z.array(libraryPromptSchema),
  personas: z.array(
    z.object({
      id: z.string(),
      language: languageSchema,
      title: z.string(),
      description: z.string(),
      ...provenance,
    }),
  ),
  presets: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      description: z.string(),
      origin: promptOriginSchema,
      overrides: z.boolean(),
    }),
  ),
  replacements: replacementRulesSchema,
  problems: z.array(libraryProblemSchema),
  /** Where the writer's own prompts are saved (for "Show in folder"). */
  userFolder: z.string().nullable(),
})
export type LibraryListing = z.output<typeof libraryListingSchema>

/** Names one prompt file. */
export const promptRefSchema = z.object({ id: z.string().min(1), language: languageSchema })

/** `getPromptText`: the file as written. */
export const promptTextSchema = z.object({
  id: z.string(),
  language: languageSchema,
  text: z.string(),
  ...provenance,
})

/** `savePrompt`: the whole file text; it is checked first and refused with its problems. */
export const savePromptRequestSchema = z.object({
  language: languageSchema,
  text: z.string().max(200_000),
})
export const savePromptResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    id: z.string(),
    language: languageSchema,
    file: z.string(),
    /** Warnings only (e.g. no version in the other language). */
    problems: z.array(libraryProblemSchema),
  }),
  z.object({ ok: z.literal(false), problems: z.array(libraryProblemSchema) }),
])

/** `duplicatePrompt`: both languages unless one is named; the new id defaults to `<id>-copy`. */
export const duplicatePromptRequestSchema = z.object({
  id: z.string().min(1),
  language: languageSchema.optional(),
  newId: z.string().min(1).optional(),
})
export const duplicatePromptResultSchema = z.object({
  id: z.string(),
  files: z.array(z.string()),
})

/** `deletePrompt` and `restorePrompt` (input: promptRefSchema): the file and its backup. */
export const removedPromptSchema = z.object({ file: z.string(), backup: z.string() })

/** `previewPrompt`: what `generate` would send, without a model. */
export const promptPreviewRequestSchema = z.object({
  promptId: z.string().min(1, 'Name a prompt to run.'),
  selection: z.string().max(200_000),
  before: z.string().max(200_000).default(''),
  after: z.string().max(200_000).default(''),
  title: z.string().max(1_000).default(''),
  language: languageChoiceSchema.default('auto'),
  variables: z.record(z.string(), z.string().max(10_000)).default({}),
})
export type PromptPreviewRequest = z.input<typeof promptPreviewRequestSchema>

export const promptPreviewSchema = z.object({
  promptId: z.string(),
  title: z.string(),
  kind: promptKindSchema,
  apply: applyModeSchema,
  /** The language the text is treated as. */
  language: languageSchema,
  /** The language of the prompt file used (the other one when this id has no such file). */
  promptLanguage: languageSchema,
  origin: promptOriginSchema,
  source: z.string(),
  preset: z.string(),
  persona: z.string(),
  personaSource: z.string(),
  system: z.string(),
  user: z.string(),
  sampling: samplingValuesSchema,
  postprocess: stepSpecListSchema,
  lora: z.array(loraAdapterSchema),
})
export type PromptPreview = z.output<typeof promptPreviewSchema>

/** `listLoraAdapters`: the adapter files a configuration can name, and where to put more. */
export const loraListingSchema = z.object({
  /** The data folder's `lora/` (it may not exist yet). */
  folder: z.string(),
  adapters: z.array(z.object({ file: z.string(), sizeBytes: z.number().int().nonnegative() })),
})
export type LoraListing = z.output<typeof loraListingSchema>

/** Sent when the library changed on disk or by a call; the panel and menus list it again. */
export const libraryChangedEventSchema = z.object({ type: z.literal('library-changed') })
