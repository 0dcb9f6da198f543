import type { Language } from '../contract/schemas'
import { diffEdits, type TextEdit } from './diff'
import { runStep } from './registry'
import { defaultReplacements } from './replacePhrases'
import { toStepCall, type PhrasePair, type StepCall, type StepId, type StepSpec } from './stepSpec'
import type { StepContext } from './stepTypes'

export type PipelineOptions = {
  /** The language the writer asked for: picks the defaults, the ellipsis and the guard's target. */
  language: Language
  /** The writer's replacement list from Settings; the language's defaults when absent. */
  replacements?: readonly PhrasePair[]
}

/** What one step changed, as edits against the text that step received. */
export type StepChange = { step: StepId; edits: TextEdit[] }

export type PipelineFlags = {
  /** `language-guard`: the answer is mostly in the other language; the engine retries once. */
  languageMismatch: boolean
  /** The steps would have emptied a non-empty answer, so the raw text was kept. */
  keptRaw: boolean
  /** `trim-length` or `max-lines` cut the answer. */
  truncated: boolean
}

export type PipelineResult = {
  /** The cleaned text. */
  text: string
  /** The text as generated, for the raw/cleaned toggle. */
  raw: string
  /** One entry per step application that changed the text, in the order they ran. */
  changes: StepChange[]
  flags: PipelineFlags
}

/** A step threw on this text: carries its id so the host can name it while it keeps the raw answer. */
export class PostprocessStepError extends Error {
  constructor(
    readonly step: StepId,
    cause: unknown,
  ) {
    super(`The post-processing step ${step} failed: ${String(cause)}`, { cause })
    this.name = 'PostprocessStepError'
  }
}

/** Runs one step, blaming it for anything it throws. */
function runNamedStep(call: StepCall, text: string, context: StepContext) {
  try {
    return runStep(call, text, context)
  } catch (error) {
    throw new PostprocessStepError(call.id, error)
  }
}

/** Runs after every other step, whatever the prompt's order: a line count and a verdict. */
const LAST: readonly StepId[] = ['max-lines', 'language-guard']
/** A step can reveal work for an earlier one (a cut exposes an offer line); a few rounds settle it. */
const MAX_ROUNDS = 3

function orderCalls(steps: readonly StepSpec[]): StepCall[] {
  const calls = steps.map(toStepCall)
  return [
    ...calls.filter((call) => !LAST.includes(call.id)),
    ...LAST.flatMap((id) => calls.filter((call) => call.id === id)),
  ]
}

/**
 * Cleans a finished answer with the prompt's steps, in the prompt's order (`max-lines` and
 * `language-guard` last), repeating the list until the text stops changing so that running
 * the pipeline on its own output changes nothing. Never empties a non-empty answer: then the
 * raw text is returned with `flags.keptRaw`. A step that throws surfaces as a
 * `PostprocessStepError` naming it.
 */
export function runPipeline(
  text: string,
  steps: readonly StepSpec[],
  options: PipelineOptions,
): PipelineResult {
  const calls = orderCalls(steps)
  const context: StepContext = {
    language: options.language,
    replacements: options.replacements ?? defaultReplacements[options.language],
  }
  const changes: StepChange[] = []
  let truncated = false
  let current = text
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const start = current
    for (const call of calls) {
      if (call.id === 'language-guard') continue
      const output = runNamedStep(call, current, context)
      truncated ||= output.truncated === true
      if (output.text === current) continue
      changes.push({ step: call.id, edits: diffEdits(current, output.text) })
      current = output.text
    }
    if (current === start) break
  }

  const keptRaw = current.trim() === '' && text.trim() !== ''
  const final = keptRaw ? text : current
  const guard = calls.find((call) => call.id === 'language-guard')
  const languageMismatch =
    guard !== undefined && runNamedStep(guard, final, context).languageMismatch === true
  return {
    text: final,
    raw: text,
    changes: keptRaw ? [] : changes,
    flags: { languageMismatch, keptRaw, truncated: keptRaw ? false : truncated },
  }
}
