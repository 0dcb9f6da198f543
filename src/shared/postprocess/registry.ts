import { collapseRepeats } from './collapseRepeats'
import { dedupeSentences } from './dedupeSentences'
import { languageGuard } from './languageGuard'
import { maxLines } from './maxLines'
import { normalizePunctuation } from './normalizePunctuation'
import { replacePhrases } from './replacePhrases'
import type { StepCall, StepId } from './stepSpec'
import type { Step, StepContext, StepOutput } from './stepTypes'
import { stripPreamble } from './stripPreamble'
import { stripThink } from './stripThink'
import { trimLength } from './trimLength'

/** Every step by id; adding a step means adding its id, its file and one line here. */
export const stepRegistry: { [K in StepId]: Step<K> } = {
  'strip-think': stripThink,
  'strip-preamble': stripPreamble,
  'dedupe-sentences': dedupeSentences,
  'collapse-repeats': collapseRepeats,
  'normalize-punctuation': normalizePunctuation,
  'replace-phrases': replacePhrases,
  'trim-length': trimLength,
  'max-lines': maxLines,
  'language-guard': languageGuard,
}

/** Runs one step call through the registry. */
export function runStep(call: StepCall, text: string, context: StepContext): StepOutput {
  // TypeScript cannot correlate `call.id` with the entry it picks (microsoft/TypeScript#30581);
  // the registry's type above is what keeps each entry matched to its id.
  const step = stepRegistry[call.id] as Step<StepId>
  return step(text, call, context)
}
