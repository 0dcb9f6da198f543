import type { GenerationStats, StopReason } from '../contract/schemas'
import type { CheckName } from '../prompts/checks'
import { distinctN } from './ngramMetrics'
import type { AnswerScore } from './score'

/** One answered (or failed) sample, as the per-configuration metrics see it. */
export type ScoredSample = {
  caseId: string
  text: string
  stats: GenerationStats | null
  score: AnswerScore | null
  error: { code: string; message: string } | null
}

/** The metrics of one configuration over a suite. */
export type ConfigurationMetrics = {
  samples: number
  errors: number
  /** distinct-1/2 across the samples of each case, averaged over the cases. */
  distinct1: number
  distinct2: number
  /** Mean share of repeated 3-grams inside an answer. */
  repeatedTrigramShare: number
  /** Per check: how many answers it held for, of how many it was run on. */
  compliance: Partial<Record<CheckName, { passed: number; total: number }>>
  /** Share of all checks run that held. */
  complianceRate: number
  copiesInput: number
  meanStockPhrases: number
  meanScore: number
  stopReasons: Partial<Record<StopReason, number>>
  meanTokensPerSecond: number
  /** Null when no sample reported a first token. */
  meanTimeToFirstTokenMs: number | null
}

const mean = (values: readonly number[]): number =>
  values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length
const round = (value: number, places = 4): number => Number(value.toFixed(places))

/** Everything `quire eval` reports per configuration, from its samples alone. */
export function summarizeSamples(samples: readonly ScoredSample[]): ConfigurationMetrics {
  const answered = samples.filter(
    (s): s is ScoredSample & { score: AnswerScore; stats: GenerationStats } =>
      s.error === null && s.score !== null && s.stats !== null,
  )
  const byCase = new Map<string, string[]>()
  for (const sample of answered)
    byCase.set(sample.caseId, [...(byCase.get(sample.caseId) ?? []), sample.text])
  const texts = [...byCase.values()]
  const compliance: ConfigurationMetrics['compliance'] = {}
  let passed = 0
  let total = 0
  for (const sample of answered) {
    for (const check of sample.score.checks) {
      const entry = (compliance[check.check] ??= { passed: 0, total: 0 })
      entry.total++
      total++
      if (check.pass) {
        entry.passed++
        passed++
      }
    }
  }
  const stopReasons: ConfigurationMetrics['stopReasons'] = {}
  for (const sample of answered)
    stopReasons[sample.stats.stopReason] = (stopReasons[sample.stats.stopReason] ?? 0) + 1
  const firstTokens = answered.flatMap((s) =>
    s.stats.timeToFirstTokenMs === null ? [] : [s.stats.timeToFirstTokenMs],
  )
  return {
    samples: samples.length,
    errors: samples.length - answered.length,
    distinct1: round(mean(texts.map((group) => distinctN(group, 1)))),
    distinct2: round(mean(texts.map((group) => distinctN(group, 2)))),
    repeatedTrigramShare: round(mean(answered.map((s) => s.score.repetition))),
    compliance,
    complianceRate: total === 0 ? 1 : round(passed / total),
    copiesInput: answered.filter((s) => s.score.copiesInput).length,
    meanStockPhrases: round(mean(answered.map((s) => s.score.stockPhrases))),
    meanScore: round(mean(answered.map((s) => s.score.score))),
    stopReasons,
    meanTokensPerSecond: round(mean(answered.map((s) => s.stats.tokensPerSecond)), 2),
    meanTimeToFirstTokenMs: firstTokens.length === 0 ? null : round(mean(firstTokens), 1),
  }
}
