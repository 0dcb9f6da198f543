import type { MessageParams } from '../contract/errors'
import { z } from 'zod'
import type { languageSchema } from '../contract/schemas'
import { applyModeSchema, promptKindSchema } from '../contract/schemas'
import { loraAdapterSchema, samplingOverridesSchema } from '../presets/schema'
import { stepSpecListSchema } from '../postprocess/stepSpec'
import { promptChecksSchema } from './checks'

const idSchema = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)*$/,
    'use lowercase words joined by dots, e.g. rewrite.lyrical',
  )

export const promptVariableSchema = z
  .object({
    name: z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'use letters, digits and underscores'),
    label: z.string().min(1),
    default: z.string().default(''),
  })
  .strict()
export type PromptVariable = z.output<typeof promptVariableSchema>

/** The YAML front matter of a prompt file (see DESIGN.md, "The prompt library format"). */
export const promptFrontMatterSchema = z
  .object({
    id: idSchema,
    kind: promptKindSchema,
    title: z.string().min(1),
    description: z.string().default(''),
    preset: z.string().min(1).default('balanced'),
    sampling: samplingOverridesSchema.optional(),
    maxTokens: z.number().int().positive().max(8_192).optional(),
    apply: applyModeSchema.default('replace'),
    postprocess: stepSpecListSchema.default([]),
    persona: z.string().min(1).default('default'),
    shortcut: z.string().min(1).optional(),
    variables: z.array(promptVariableSchema).default([]),
    lora: z.array(loraAdapterSchema).default([]),
    /** What the Constraint section states, in a form Best of N and `quire eval` can check. */
    checks: promptChecksSchema.default({}),
  })
  .strict()
export type PromptFrontMatter = z.output<typeof promptFrontMatterSchema>

/** The sections every action prompt must name: who writes, how it sounds, what limits hold. */
export const requiredSections = ['Role', 'Style', 'Constraint'] as const

/** A parsed, validated prompt file. */
export type PromptDefinition = PromptFrontMatter & {
  language: z.infer<typeof languageSchema>
  /** The Markdown body after the front matter: the user message template. */
  body: string
  /** Where it came from, for error messages and the library panel. */
  source: string
}

/** The persistent persona sent as the system message under every action. */
export const personaFrontMatterSchema = z
  .object({ id: idSchema, title: z.string().min(1), description: z.string().default('') })
  .strict()

export type Persona = z.output<typeof personaFrontMatterSchema> & {
  language: z.infer<typeof languageSchema>
  text: string
  source: string
}

/** How much a problem matters: an error keeps a file (or a field of it) out; a warning is advice. */
export type ProblemSeverity = 'error' | 'warning'

/** One problem in one file, located as precisely as the parser allows. */
export type LibraryProblem = {
  source: string
  line: number | null
  field: string | null
  message: string
  /** Names the message, so a UI can word it in the writer's language. */
  key?: string | undefined
  params?: MessageParams | undefined
  /** Absent means 'error'. */
  severity?: ProblemSeverity
}
