import { z } from 'zod'

/** The senses `minSenses` and `senses` count, each by a small word list per language. */
export const senseSchema = z.enum(['sight', 'sound', 'smell', 'taste', 'touch'])
export type Sense = z.infer<typeof senseSchema>

// Not contract/schemas' languageSchema: the contract imports this file (a cycle).
const languageSchema = z.enum(['zh', 'en'])
const count = z.number().int().positive().max(100_000)
const ratio = z.number().positive().max(10)

/**
 * The measurable part of a prompt's Constraint section, in its front matter beside the prose
 * that states it: Best of N and `quire eval` score answers against these. Characters are
 * counted without white space; words as a writer counts them (each Chinese character is one).
 */
export const promptChecksSchema = z
  .object({
    maxChars: count.optional(),
    minChars: count.optional(),
    maxWords: count.optional(),
    minWords: count.optional(),
    maxLines: count.optional(),
    minLines: count.optional(),
    /** The answer's length against the input's, in characters: `maxLengthRatio: 0.6` is "at most 60%". */
    maxLengthRatio: ratio.optional(),
    minLengthRatio: ratio.optional(),
    /** The language the answer must be written in. */
    language: languageSchema.optional(),
    /** Words or phrases the answer must not contain. */
    avoid: z.array(z.string().trim().min(1).max(100)).max(200).optional(),
    /** How many different senses the answer must appeal to. */
    minSenses: z.number().int().min(1).max(5).optional(),
    /** Senses the answer must appeal to, each of them. */
    senses: z.array(senseSchema).max(5).optional(),
    /** The grammatical person the answer is told in. */
    person: z.enum(['first', 'third']).optional(),
  })
  .strict()
  .refine((c) => c.minChars === undefined || c.maxChars === undefined || c.minChars <= c.maxChars, {
    message: 'minChars is larger than maxChars.',
    path: ['minChars'],
  })
  .refine((c) => c.minWords === undefined || c.maxWords === undefined || c.minWords <= c.maxWords, {
    message: 'minWords is larger than maxWords.',
    path: ['minWords'],
  })
  .refine((c) => c.minLines === undefined || c.maxLines === undefined || c.minLines <= c.maxLines, {
    message: 'minLines is larger than maxLines.',
    path: ['minLines'],
  })
export type PromptChecks = z.output<typeof promptChecksSchema>

/** The name of each check, in the order they are reported. */
export const checkNames = [
  'maxChars',
  'minChars',
  'maxWords',
  'minWords',
  'maxLines',
  'minLines',
  'maxLengthRatio',
  'minLengthRatio',
  'language',
  'avoid',
  'minSenses',
  'senses',
  'person',
] as const satisfies readonly (keyof PromptChecks)[]
export type CheckName = (typeof checkNames)[number]
