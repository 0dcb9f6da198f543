import { maxLinesText } from './maxLines'
import { cleanPartial } from './partial'
import { splitSentences } from './sentences'
import { toStepCall, type StepSpec } from './stepSpec'
import { unitEnds } from './units'

/**
 * Whether an answer still streaming has gone past its prompt's length budget, so writing on
 * is wasted: with `trim-length:N`, a whole sentence ends after the N-th unit; with
 * `max-lines:N`, a non-empty line follows the N-th. Measured on the text as the card shows it
 * (reasoning and preamble held back). Prompts without either step have no budget.
 */
export function budgetReached(text: string, steps: readonly StepSpec[]): boolean {
  const calls = steps.map(toStepCall)
  const shown = cleanPartial(text, steps)
  return calls.some((call) => {
    if (call.id === 'max-lines') return maxLinesText(shown, call.limit).truncated
    if (call.id !== 'trim-length') return false
    const ends = unitEnds(shown)
    const pastBudget = ends[call.limit]
    if (pastBudget === undefined) return false
    // The last piece may be a sentence still being written; any piece before it has ended.
    return splitSentences(shown)
      .slice(0, -1)
      .some((sentence) => sentence.end >= pastBudget)
  })
}

/** Whether the steps give the answer a length budget at all. */
export function hasBudget(steps: readonly StepSpec[]): boolean {
  return steps.some((step) => {
    const id = toStepCall(step).id
    return id === 'trim-length' || id === 'max-lines'
  })
}
