import type { ChatMessage, GenerationStats, Language, PromptKind } from '../contract/schemas'
import type { GenerationOverrides, ResolvedConfiguration } from '../compare/configuration'
import type { PromptChecks } from '../prompts/checks'
import { scoreAnswer, type AnswerScore } from './score'
import { summarizeSamples, type ConfigurationMetrics } from './summary'

/** A case as the report records it: everything scoring needs, the prompt's checks merged in. */
export type ReportCase = {
  id: string
  language: Language
  prompt: string
  kind: PromptKind
  selection: string
  before: string
  variables: Record<string, string>
  checks: PromptChecks
}

/** One sample: the text and everything needed to score it again or run it again. */
export type ReportSample = {
  configuration: string
  caseId: string
  /** 0-based sample number; the seed is the run's seed plus this. */
  index: number
  seed: number
  /** The resolved configuration's fingerprint (null when the request never started). */
  fingerprint: string | null
  resolved: ResolvedConfiguration | null
  messages: ChatMessage[]
  text: string
  raw: string
  stats: GenerationStats | null
  /**
   * Why it failed. A case that does not fit the model's context says how many tokens it needed
   * (its prompt and answer budget) and how many the context holds.
   */
  error: { code: string; message: string; needed?: number; contextSize?: number } | null
  /** The case's text before the selection was shortened to fit the context (absent: it was not). */
  trimmedBefore?: boolean
}

/** `report.json`: the run, its cases and samples, and the metrics computed from them. */
export type EvalReport = {
  format: 'quire-eval-report'
  version: 1
  createdAt: string
  quireVersion: string
  suite: { name: string; description: string; file: string }
  run: {
    model: {
      name: string
      path: string | null
      quantisation: string | null
      backend: string
      architecture: string
      url: string | null
      /** The context each sequence had, in tokens (absent in older reports). */
      contextSize?: number
    }
    seed: number
    samples: number
    concurrency: number
    /** `--max-tokens`, when the run capped the prompts' budgets. */
    maxTokens: number | null
    wallMs: number
  }
  configurations: { name: string; overrides: GenerationOverrides }[]
  cases: ReportCase[]
  samples: ReportSample[]
  metrics: Record<string, ConfigurationMetrics>
}

/** Scores one sample against its case: the same call Best of N makes. */
export function scoreReportSample(text: string, reportCase: ReportCase): AnswerScore {
  return scoreAnswer(text, {
    checks: reportCase.checks,
    input: reportCase.selection,
    language: reportCase.language,
    // A continuation is new text after the input, so it is never a copy of it.
    judgeCopy: reportCase.kind !== 'continue',
  })
}

/** Every configuration's metrics, from the cases and samples alone. */
export function computeMetrics(
  configurations: readonly string[],
  cases: readonly ReportCase[],
  samples: readonly ReportSample[],
): Record<string, ConfigurationMetrics> {
  const byId = new Map(cases.map((c) => [c.id, c]))
  const metrics: Record<string, ConfigurationMetrics> = {}
  for (const name of configurations) {
    metrics[name] = summarizeSamples(
      samples
        .filter((sample) => sample.configuration === name)
        .map((sample) => {
          const reportCase = byId.get(sample.caseId)
          return {
            caseId: sample.caseId,
            text: sample.text,
            stats: sample.stats,
            error: sample.error,
            score:
              sample.error === null && reportCase
                ? scoreReportSample(sample.text, reportCase)
                : null,
          }
        }),
    )
  }
  return metrics
}
