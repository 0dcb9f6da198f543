import type { Language } from '../contract/schemas'
import type { PhrasePair, StepCall, StepId } from './stepSpec'

/** What every step may read besides the text: the target language and the writer's settings. */
export type StepContext = {
  language: Language
  /** Replacements from Settings (or the defaults for the language). */
  replacements: readonly PhrasePair[]
}

/** A step's result: the new text, and what it noticed beyond the text. */
export type StepOutput = { text: string; truncated?: boolean; languageMismatch?: boolean }

/** One step: a pure function of the text, its own call (id and value) and the context. */
export type Step<K extends StepId> = (
  text: string,
  call: Extract<StepCall, { id: K }>,
  context: StepContext,
) => StepOutput
