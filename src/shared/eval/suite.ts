import { z } from 'zod'
import { languageSchema } from '../contract/schemas'
import { promptChecksSchema } from '../prompts/checks'

/** One input of an evaluation suite: a prompt run on a passage. */
export const evalCaseSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase words joined by hyphens'),
    language: languageSchema,
    /** The prompt id, e.g. rewrite.lyrical. */
    prompt: z.string().min(1),
    selection: z.string().trim().min(1, 'Give the case some text to work on.').max(20_000),
    before: z.string().max(20_000).default(''),
    variables: z.record(z.string(), z.string().max(2_000)).default({}),
    /** Checks added to the prompt's own for this case (a case's value wins). */
    checks: promptChecksSchema.default({}),
  })
  .strict()
export type EvalCase = z.output<typeof evalCaseSchema>

/** A suite file (`quire eval --suite FILE`): cases, and optionally named configurations. */
export const evalSuiteSchema = z
  .object({
    name: z.string().min(1).max(200),
    description: z.string().default(''),
    cases: z
      .array(evalCaseSchema)
      .min(1, 'A suite needs at least one case.')
      .max(1_000)
      .refine((cases) => new Set(cases.map((c) => c.id)).size === cases.length, {
        message: 'Two cases share an id.',
      }),
    /** Configurations `--configs` can name, beyond the presets and the prompt's own. */
    configurations: z.record(z.string(), z.unknown()).default({}),
  })
  .strict()
export type EvalSuite = z.output<typeof evalSuiteSchema>
