import { randomUUID } from 'node:crypto'
import { generateCallSchema } from '@shared/contract'
import type { GenerationOverrides } from '@shared/compare/configuration'
import {
  computeMetrics,
  type EvalReport,
  type EvalSuite,
  type ReportCase,
  type ReportSample,
} from '@shared/eval'
import { findPrompt } from '../library/promptLibrary'
import type { EvalHost, SampleOutcome } from './evalHost'

export type EvalRunOptions = {
  suite: EvalSuite
  suiteFile: string
  configurations: { name: string; overrides: GenerationOverrides }[]
  samples: number
  seed: number
  concurrency: number
  /** Caps every answer's token budget (recorded in the report). */
  maxTokens?: number | undefined
  quireVersion: string
  /** Called after each sample, for a progress line. */
  onSample?: (done: number, total: number) => void
}

/** The suite's cases with their prompts' kinds and checks (the case's own checks win). */
export function reportCases(host: EvalHost, suite: EvalSuite): ReportCase[] {
  return suite.cases.map((c) => {
    const prompt = findPrompt(host.library, c.prompt, c.language)
    return {
      id: c.id,
      language: c.language,
      prompt: c.prompt,
      kind: prompt.kind,
      selection: c.selection,
      before: c.before,
      variables: c.variables,
      checks: { ...prompt.checks, ...c.checks },
    }
  })
}

/**
 * A failed sample's error for the report. A case too long for the model's context says so in
 * eval's terms (the editor's message speaks of selecting less text), with the numbers.
 */
export function sampleError(
  caseId: string,
  outcome: Extract<SampleOutcome, { ok: false }>,
): NonNullable<ReportSample['error']> {
  const params = outcome.params ?? {}
  const contextSize = Number(params.contextSize)
  const needed = Number(params.needed ?? params.promptTokens)
  if (outcome.code !== 'context-overflow' || !(contextSize > 0) || !(needed > 0))
    return { code: outcome.code, message: outcome.message }
  return {
    code: outcome.code,
    message: `The case "${caseId}" does not fit the model's context of ${contextSize} tokens: it needs ${needed} (its prompt and room for the answer). Nothing was shortened; give a smaller --max-tokens or use a model with a longer context.`,
    needed,
    contextSize,
  }
}

/** Runs `work` over `items` with at most `limit` at once, keeping the items' order in the results. */
async function pool<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const at = next++
      results[at] = await work(items[at] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

/**
 * Runs every configuration on every case `samples` times and builds the report. Sample i of
 * every case and configuration uses seed `seed + i`, so configurations are compared on the same
 * seeds and a run can be repeated.
 */
export async function runEval(host: EvalHost, options: EvalRunOptions): Promise<EvalReport> {
  const cases = reportCases(host, options.suite)
  const jobs = options.configurations.flatMap((configuration) =>
    cases.flatMap((reportCase) =>
      Array.from({ length: options.samples }, (_, index) => ({ configuration, reportCase, index })),
    ),
  )
  const started = Date.now()
  let finished = 0
  const samples = await pool(jobs, options.concurrency, async (job): Promise<ReportSample> => {
    const seed = (options.seed + job.index) % 4_294_967_296
    const call = generateCallSchema.parse({
      requestId: randomUUID(),
      promptId: job.reportCase.prompt,
      selection: job.reportCase.selection,
      before: job.reportCase.before,
      language: job.reportCase.language,
      variables: job.reportCase.variables,
      seed,
      maxTokens: options.maxTokens,
      deadlineMs: 600_000,
      overrides: job.configuration.overrides,
    })
    const outcome = await host.run(call)
    options.onSample?.(++finished, jobs.length)
    const base = {
      configuration: job.configuration.name,
      caseId: job.reportCase.id,
      index: job.index,
      seed,
      fingerprint: outcome.started?.fingerprint ?? null,
      resolved: outcome.started?.configuration ?? null,
      messages: outcome.started?.messages ?? [],
      ...(outcome.started?.trimmedBefore && { trimmedBefore: true }),
    }
    return outcome.ok
      ? {
          ...base,
          text: outcome.done.text,
          raw: outcome.done.raw,
          stats: outcome.done.stats,
          error: null,
        }
      : {
          ...base,
          text: '',
          raw: '',
          stats: null,
          error: sampleError(job.reportCase.id, outcome),
        }
  })
  const names = options.configurations.map((c) => c.name)
  return {
    format: 'quire-eval-report',
    version: 1,
    createdAt: new Date().toISOString(),
    quireVersion: options.quireVersion,
    suite: {
      name: options.suite.name,
      description: options.suite.description,
      file: options.suiteFile,
    },
    run: {
      model: host.model,
      seed: options.seed,
      samples: options.samples,
      concurrency: options.concurrency,
      maxTokens: options.maxTokens ?? null,
      wallMs: Date.now() - started,
    },
    configurations: options.configurations,
    cases,
    samples,
    metrics: computeMetrics(names, cases, samples),
  }
}
