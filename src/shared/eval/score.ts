import type { Language } from '../contract/schemas'
import type { PromptChecks } from '../prompts/checks'
import { inputOverlap, repeatedTrigramShare } from './ngramMetrics'
import { countStockPhrases, runChecks, type CheckResult } from './runChecks'

/** An answer that shares at least this much of its 3-grams with the input copied it. */
export const COPY_THRESHOLD = 0.85

/** What the metrics say about one answer; the same for Best of N and `quire eval`. */
export type AnswerScore = {
  /** 0..1, higher is better: what Best of N ranks by. 0 for an empty or copied answer. */
  score: number
  checks: CheckResult[]
  /** Share of the checks that hold; 1 when the prompt states none. */
  compliance: number
  /** Share of the answer's 3-grams that repeat an earlier one. */
  repetition: number
  /** Share of the answer's 3-grams found in the input. */
  overlap: number
  /** The answer is (nearly) the input again: a failure whatever else it does. */
  copiesInput: boolean
  stockPhrases: number
}

export type ScoreContext = {
  checks: PromptChecks
  /** The text the action worked on (the selection). */
  input: string
  language: Language
  /** Whether copying the input is a failure: true for rewrites; a continuation has no such risk. */
  judgeCopy?: boolean
}

/**
 * Scores one answer with cheap, pure metrics and no second model call. The weights: half for
 * the prompt's own constraints, the rest for not repeating itself (0.25), not leaning on the
 * input (0.15) and not using stock phrases (0.1, halved by each one).
 */
export function scoreAnswer(text: string, context: ScoreContext): AnswerScore {
  const checks = runChecks(text, context.checks, context)
  const compliance =
    checks.length === 0 ? 1 : checks.filter((check) => check.pass).length / checks.length
  const repetition = repeatedTrigramShare(text)
  const overlap = context.input.trim() === '' ? 0 : inputOverlap(text, context.input)
  const copiesInput = (context.judgeCopy ?? true) && overlap >= COPY_THRESHOLD
  const stockPhrases = countStockPhrases(text, context.language)
  const failed = text.trim() === '' || copiesInput
  const score = failed
    ? 0
    : 0.5 * compliance + 0.25 * (1 - repetition) + 0.15 * (1 - overlap) + 0.1 * 0.5 ** stockPhrases
  return {
    score: Math.round(score * 1000) / 1000,
    checks,
    compliance,
    repetition,
    overlap,
    copiesInput,
    stockPhrases,
  }
}

/** Candidates best first (by score; the earlier candidate first on a tie), each with its index. */
export function rankByScore<T extends { score: AnswerScore }>(
  candidates: readonly T[],
): (T & { index: number })[] {
  return candidates
    .map((candidate, index) => ({ ...candidate, index }))
    .sort((a, b) => b.score.score - a.score.score || a.index - b.index)
}
