// Section 1: a Quire action through the whole path (quire serve → engine process → events →
// WebSocket client, post-processing included) against node-llama-cpp alone in this process.
import type { ChatMessage } from '../../src/shared/contract'
import type { PromptPreview } from '../../src/shared/prompts/libraryContract'
import { loadBareEngine } from './bareEngine'
import { interleave, median, round } from './measure'
import { BENCH_PROMPT_ID, runAction, startBenchServe, streamingSpeed } from './quireAction'
import type { BenchContext, SectionResult } from './types'

const selectionFor = (n: number) =>
  `Passage ${n}: the lamps along the river came on one by one, and the boats turned home.`

/** Measures `pipelineRatio` (tokens/s, Quire over bare) and the time to first token it adds. */
export async function pipelineOverhead(bench: BenchContext): Promise<SectionResult> {
  const { serve, client } = await startBenchServe(bench.model, bench.threads)
  const bare = await loadBareEngine(bench.model, {
    threads: bench.threads,
    contextSize: bench.contextSize,
    gpu: bench.gpu,
  })
  const maxTokens = bench.pipelineTokens
  let samePrompt = true
  let sameTokens = 0
  type Run = { speed: number; ttft: number; tokens: number; text: string }
  let runs: { a: Run[]; b: Run[] }
  try {
    const preview = async (n: number) => {
      const shown = await client.call<PromptPreview>('previewPrompt', {
        promptId: BENCH_PROMPT_ID,
        selection: selectionFor(n),
        language: 'en',
      })
      const messages: ChatMessage[] = [
        { role: 'system', content: shown.system },
        { role: 'user', content: shown.user },
      ]
      return { messages, sampling: { ...shown.sampling, maxTokens } }
    }
    runs = await interleave(
      bench.rounds,
      async (n) => {
        const timing = await runAction(client, {
          selection: selectionFor(n),
          maxTokens,
          seed: 1000 + n,
        })
        const expected = await preview(n)
        if (JSON.stringify(timing.started.messages) !== JSON.stringify(expected.messages))
          samePrompt = false
        const tokens = timing.done.stats.generatedTokens
        return {
          speed: streamingSpeed(tokens, timing.firstDeltaAt, timing.doneAt),
          ttft: timing.firstDeltaAt - timing.sentAt,
          tokens,
          text: timing.done.raw,
        }
      },
      async (n) => {
        const { messages, sampling } = await preview(n)
        const result = await bare.run(messages, sampling, 1000 + n)
        return {
          speed: streamingSpeed(result.tokens, result.firstChunkAt, result.endAt),
          ttft: result.firstChunkAt - result.startedAt,
          tokens: result.tokens,
          text: result.text,
        }
      },
    )
  } finally {
    client.close()
    await serve.stop()
    await bare.dispose()
  }
  const { a: quireRuns, b: bareRuns } = runs
  quireRuns.forEach((run, i) => {
    if (run.text === bareRuns[i]?.text) sameTokens++
  })
  const quireSpeed = median(quireRuns.map((run) => run.speed))
  const bareSpeed = median(bareRuns.map((run) => run.speed))
  const ratios = quireRuns.map((run, i) => run.speed / (bareRuns[i]?.speed ?? Number.NaN))
  const addedTtft =
    median(quireRuns.map((run) => run.ttft)) - median(bareRuns.map((run) => run.ttft))
  return {
    figures: {
      pipelineRatio: round(median(ratios), 3),
      pipelineRatioMin: round(Math.min(...ratios), 3),
      pipelineRatioMax: round(Math.max(...ratios), 3),
      quireTokensPerSecond: round(quireSpeed, 1),
      bareTokensPerSecond: round(bareSpeed, 1),
      tokensPerRun: median(quireRuns.map((run) => run.tokens)),
      quireTtftMs: round(median(quireRuns.map((run) => run.ttft)), 1),
      bareTtftMs: round(median(bareRuns.map((run) => run.ttft)), 1),
      addedTtftMs: round(addedTtft, 1),
      rounds: quireRuns.length,
      samePrompt,
      sameText: `${sameTokens}/${quireRuns.length}`,
    },
    rows: [
      {
        measure: 'Whole path ÷ bare node-llama-cpp, tokens/s (`pipelineRatio`)',
        value: `${round(median(ratios), 3)}× (${round(Math.min(...ratios), 2)}–${round(Math.max(...ratios), 2)}; ${round(quireSpeed, 1)} vs ${round(bareSpeed, 1)} tok/s)`,
        target: '≥ 0.98',
        met: median(ratios) >= 0.98,
      },
      {
        measure: 'Time to first token added by the whole path',
        value: `${round(addedTtft, 1)} ms (${round(median(quireRuns.map((r) => r.ttft)), 1)} vs ${round(median(bareRuns.map((r) => r.ttft)), 1)} ms)`,
        target: '≤ 5 ms',
        met: addedTtft <= 5,
      },
    ],
  }
}
