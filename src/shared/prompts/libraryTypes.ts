import { z } from 'zod'
import { phrasePairSchema, type PhrasePair } from '../postprocess/stepSpec'
import type { Language } from '../contract/schemas'

/** Where a prompt, persona or preset comes from: shipped with Quire, the writer's folder, or an extra folder. */
export const promptOriginSchema = z.enum(['bundled', 'user', 'extra'])
export type PromptOrigin = z.infer<typeof promptOriginSchema>

/** The most replacement rules replacements.json and a style pack hold, per language. */
export const MAX_REPLACEMENT_RULES = 2_000
/** The longest phrase (either side of a rule) replacements.json and a style pack hold. */
export const MAX_REPLACEMENT_PHRASE_CHARS = 200

const phraseTooLong = `A replacement phrase is longer than ${MAX_REPLACEMENT_PHRASE_CHARS} characters, the most Quire reads`

/** One rule from a file: both phrases bounded, so a shared pack cannot slow every answer down. */
const boundedPairSchema = z
  .tuple([
    z
      .string()
      .min(1, 'the phrase to replace cannot be empty')
      .max(MAX_REPLACEMENT_PHRASE_CHARS, phraseTooLong),
    z.string().max(MAX_REPLACEMENT_PHRASE_CHARS, phraseTooLong),
  ])
  .pipe(phrasePairSchema)

const boundedPairsSchema = z
  .array(boundedPairSchema)
  .max(
    MAX_REPLACEMENT_RULES,
    `Too many replacement rules: Quire reads at most ${MAX_REPLACEMENT_RULES.toLocaleString('en')} per language`,
  )
  .default([])

/** The writer's own stock-phrase replacements, per language (replacements.json, style packs). */
export const replacementRulesSchema = z
  .object({ zh: boundedPairsSchema, en: boundedPairsSchema })
  .strict()
export type ReplacementRules = Record<Language, PhrasePair[]>

/** No replacements. */
export const noReplacements = (): ReplacementRules => ({ zh: [], en: [] })
