import { z } from 'zod'
import { phrasePairsSchema, type PhrasePair } from '../postprocess/stepSpec'
import type { Language } from '../contract/schemas'

/** Where a prompt, persona or preset comes from: shipped with Quire, the writer's folder, or an extra folder. */
export const promptOriginSchema = z.enum(['bundled', 'user', 'extra'])
export type PromptOrigin = z.infer<typeof promptOriginSchema>

/** The writer's own stock-phrase replacements, per language (replacements.json, style packs). */
export const replacementRulesSchema = z
  .object({ zh: phrasePairsSchema.default([]), en: phrasePairsSchema.default([]) })
  .strict()
export type ReplacementRules = Record<Language, PhrasePair[]>

/** No replacements. */
export const noReplacements = (): ReplacementRules => ({ zh: [], en: [] })
