import { z } from 'zod'

/** The post-processing step ids; they are part of the prompt file format (`postprocess:`). */
export const stepIds = [
  'strip-think',
  'strip-preamble',
  'dedupe-sentences',
  'collapse-repeats',
  'normalize-punctuation',
  'replace-phrases',
  'trim-length',
  'max-lines',
  'language-guard',
] as const
export type StepId = (typeof stepIds)[number]

/** A `[from, to]` replacement; `to` may be empty (the phrase is dropped). */
export type PhrasePair = [from: string, to: string]

/** One writer-configured replacement; a `to` that contains its own `from` would grow forever. */
export const phrasePairSchema = z
  .tuple([z.string().min(1, 'the phrase to replace cannot be empty'), z.string()])
  .refine(([from, to]) => !to.includes(from), {
    message: 'a replacement must not contain the phrase it replaces',
  })

/** A list of replacements, as edited in Settings or given per prompt. */
export const phrasePairsSchema = z.array(phrasePairSchema)

const limitedIds = ['trim-length', 'max-lines'] as const
type LimitedStepId = (typeof limitedIds)[number]
type PlainStepId = Exclude<StepId, LimitedStepId>

/**
 * One step as written in a prompt's front matter: a bare id (`strip-preamble`) or a one-key
 * object with its value (`{trim-length: 200}`, `{max-lines: 6}`, `{replace-phrases: [[a, b]]}`).
 */
export type StepSpec =
  | PlainStepId
  | { 'trim-length': number }
  | { 'max-lines': number }
  | { 'replace-phrases': PhrasePair[] }

/** A step spec read into one shape per id, as the pipeline runs it. */
export type StepCall =
  | { [K in Exclude<PlainStepId, 'replace-phrases'>]: { id: K } }[Exclude<
      PlainStepId,
      'replace-phrases'
    >]
  | { [K in LimitedStepId]: { id: K; limit: number } }[LimitedStepId]
  | { id: 'replace-phrases'; pairs: PhrasePair[] }

const known = new Set<string>(stepIds)
const knownList = stepIds.join(', ')
const isLimited = (id: string): id is LimitedStepId =>
  (limitedIds as readonly string[]).includes(id)

function unknownStep(id: string): string {
  return `Unknown post-processing step "${id}". Known steps: ${knownList}.`
}

function limitProblem(id: string, value: unknown): string | null {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 100_000)
    return null
  return `${id} takes a whole number of at least 1, e.g. {${id}: ${id === 'max-lines' ? 6 : 200}}.`
}

/** Why a value is not a step spec, in one sentence a prompt author understands; null if it is. */
export function stepSpecProblem(value: unknown): string | null {
  if (typeof value === 'string') {
    if (!known.has(value)) return unknownStep(value)
    if (isLimited(value)) return limitProblem(value, undefined)
    return null
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'A step is an id such as strip-preamble, or a one-key object such as {trim-length: 200}.'
  const keys = Object.keys(value)
  const [id] = keys
  if (id === undefined || keys.length !== 1)
    return `A step object has exactly one key, e.g. {trim-length: 200}; this one has ${keys.length}.`
  if (!known.has(id)) return unknownStep(id)
  const argument = (value as Record<string, unknown>)[id]
  if (isLimited(id)) return limitProblem(id, argument)
  if (id === 'replace-phrases') {
    const parsed = phrasePairsSchema.safeParse(argument)
    if (parsed.success) return null
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? ` (item ${issue.path.map(String).join('.')})` : ''
    return `replace-phrases takes a list of [from, to] pairs${where}: ${issue?.message ?? 'invalid'}.`
  }
  return `${id} takes no value; write it as a plain id: ${id}.`
}

/**
 * The zod schema of one step in a prompt's `postprocess:` list. Errors name the step id, e.g.
 * `Unknown post-processing step "dedupe". Known steps: …`.
 */
export const stepSpecSchema = z.custom<StepSpec>((value) => stepSpecProblem(value) === null, {
  error: (issue) => stepSpecProblem(issue.input) ?? 'Invalid post-processing step.',
})

/** The whole `postprocess:` list. */
export const stepSpecListSchema = z.array(stepSpecSchema)

/** The id a spec names. */
export function stepIdOf(spec: StepSpec): StepId {
  return typeof spec === 'string' ? spec : (Object.keys(spec)[0] as StepId)
}

/** Reads a (validated) spec into the shape the pipeline runs. */
export function toStepCall(spec: StepSpec): StepCall {
  if (typeof spec === 'string')
    return spec === 'replace-phrases' ? { id: spec, pairs: [] } : { id: spec }
  if ('trim-length' in spec) return { id: 'trim-length', limit: spec['trim-length'] }
  if ('max-lines' in spec) return { id: 'max-lines', limit: spec['max-lines'] }
  return { id: 'replace-phrases', pairs: spec['replace-phrases'] }
}

export type StepListResult = { ok: true; steps: StepSpec[] } | { ok: false; message: string }

/**
 * Parses the command line's step list: ids separated by commas, a value after a colon
 * (`dedupe-sentences,trim-length:200`).
 */
export function parseStepList(list: string): StepListResult {
  const items = list.split(',').map((item) => item.trim())
  if (items.every((item) => item === ''))
    return { ok: false, message: `The step list is empty. Known steps: ${knownList}.` }
  const steps: StepSpec[] = []
  for (const item of items) {
    if (item === '') return { ok: false, message: `The step list "${list}" has an empty item.` }
    const colon = item.indexOf(':')
    const id = colon < 0 ? item : item.slice(0, colon).trim()
    const value = colon < 0 ? undefined : item.slice(colon + 1).trim()
    if (!known.has(id)) return { ok: false, message: unknownStep(id) }
    if (isLimited(id)) {
      if (value === undefined || !/^\d+$/.test(value))
        return { ok: false, message: `${id} needs a whole number after a colon, e.g. ${id}:200.` }
      const problem = limitProblem(id, Number(value))
      if (problem) return { ok: false, message: problem }
      steps.push(
        id === 'trim-length' ? { 'trim-length': Number(value) } : { 'max-lines': Number(value) },
      )
      continue
    }
    if (value !== undefined)
      return { ok: false, message: `${id} takes no value on the command line; write just ${id}.` }
    steps.push(id as PlainStepId)
  }
  return { ok: true, steps }
}
