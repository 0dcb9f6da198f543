// Section 1: a Quire action through the whole path (quire serve → engine process → events →
// WebSocket client, post-processing included) against node-llama-cpp alone in this process.
import type { ChatMessage } from '../../src/shared/contract'
import type { PromptPreview } from '../../src/shared/prompts/libraryContract'
import { loadBareEngine } from './bareEngine'
import { firstTokenPairs, type FirstTokenFigures } from './firstToken'
import { childPids, cpuMs, interleave, median, percentile, round } from './measure'
import { BENCH_PROMPT_ID, runAction, startBenchServe, streamingSpeed } from './quireAction'
import type { BenchContext, SectionResult } from './types'

const selectionFor = (n: number) =>
  `Passage ${n}: the lamps along the river came on one by one, and the boats turned home.`

type Run = { speed: number; tokens: number; text: string; evaluated: number; cpuMs: number }

/** CPU time this process has used, in ms (every thread: the bare engine's and the client's). */
const ownCpuMs = () => {
  const used = process.cpuUsage()
  return (used.user + used.system) / 1000
}

/**
 * Measures `pipelineRatio` (tokens/s, Quire over bare: the median of the ratios of interleaved
 * pairs, with their spread) and the time to first token the whole path adds (short pairs).
 */
export async function pipelineOverhead(bench: BenchContext): Promise<SectionResult> {
  const { serve, client } = await startBenchServe(bench.model, bench.threads)
  const hostPid = serve.child.pid ?? 0
  const [enginePid = 0] = await childPids(hostPid)
  // Every process of the whole path: host, engine, and the client in this one.
  const pathCpuMs = async () => (await cpuMs(hostPid)) + (await cpuMs(enginePid)) + ownCpuMs()
  const bare = await loadBareEngine(bench.model, {
    threads: bench.threads,
    contextSize: bench.contextSize,
    gpu: bench.gpu,
  })
  const maxTokens = bench.pipelineTokens
  let samePrompt = true
  let runs: { a: Run[]; b: Run[] }
  let firstToken: FirstTokenFigures
  // The messages and sampling Quire renders for a selection: what the bare side runs.
  const prompt = async (n: number) => {
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
  try {
    runs = await interleave(
      bench.pipelineRounds,
      async (n) => {
        const cpuBefore = await pathCpuMs()
        const timing = await runAction(client, {
          selection: selectionFor(n),
          maxTokens,
          seed: 1000 + n,
        })
        const cpuUsed = (await pathCpuMs()) - cpuBefore
        const expected = await prompt(n)
        if (JSON.stringify(timing.started.messages) !== JSON.stringify(expected.messages))
          samePrompt = false
        const tokens = timing.done.stats.generatedTokens
        return {
          speed: streamingSpeed(tokens, timing.firstDeltaAt, timing.doneAt),
          tokens,
          text: timing.done.raw,
          evaluated: timing.done.stats.evaluatedTokens,
          cpuMs: cpuUsed,
        }
      },
      async (n) => {
        const { messages, sampling } = await prompt(n)
        const cpuBefore = ownCpuMs()
        const result = await bare.run(messages, sampling, 1000 + n)
        const cpuUsed = ownCpuMs() - cpuBefore
        return {
          speed: streamingSpeed(result.tokens, result.firstChunkAt, result.endAt),
          tokens: result.tokens,
          text: result.text,
          evaluated: result.evaluatedTokens,
          cpuMs: cpuUsed,
        }
      },
    )
    firstToken = await firstTokenPairs(client, bare, prompt, selectionFor, bench.firstTokenPairs)
  } finally {
    client.close()
    await serve.stop()
    await bare.dispose()
  }
  return summarise(runs, firstToken, samePrompt)
}

function summarise(
  runs: { a: Run[]; b: Run[] },
  first: FirstTokenFigures,
  samePrompt: boolean,
): SectionResult {
  const { a: quireRuns, b: bareRuns } = runs
  const paired = quireRuns.map((run, i) => ({ quire: run, bare: bareRuns[i] }))
  const sameText = paired.filter((pair) => pair.quire.text === pair.bare?.text).length
  const sameCache = paired.filter((pair) => pair.quire.evaluated === pair.bare?.evaluated).length
  const ratios = paired.map((pair) => pair.quire.speed / (pair.bare?.speed ?? Number.NaN))
  const ratio = median(ratios)
  const [p25, p75] = [percentile(ratios, 0.25), percentile(ratios, 0.75)]
  const quireSpeed = median(quireRuns.map((run) => run.speed))
  const bareSpeed = median(bareRuns.map((run) => run.speed))
  const cpuPerToken = (list: Run[]) => median(list.map((run) => run.cpuMs / run.tokens))
  const [quireCpu, bareCpu] = [cpuPerToken(quireRuns), cpuPerToken(bareRuns)]
  // The fastest run of each side is the one its neighbours disturbed least: on a busy machine
  // their ratio shows what the path costs when it has the CPU it asks for.
  const best =
    Math.max(...quireRuns.map((run) => run.speed)) / Math.max(...bareRuns.map((run) => run.speed))
  return {
    figures: {
      pipelineRatio: round(ratio, 3),
      pipelineRatioP25: round(p25, 3),
      pipelineRatioP75: round(p75, 3),
      pipelineRatioMin: round(Math.min(...ratios), 3),
      pipelineRatioMax: round(Math.max(...ratios), 3),
      pipelineRatioOfMedians: round(quireSpeed / bareSpeed, 3),
      pipelineRatioOfBest: round(best, 3),
      quireCpuMsPerToken: round(quireCpu, 2),
      bareCpuMsPerToken: round(bareCpu, 2),
      cpuRatio: round(bareCpu / quireCpu, 3),
      quireTokensPerSecond: round(quireSpeed, 1),
      bareTokensPerSecond: round(bareSpeed, 1),
      tokensPerRun: median(quireRuns.map((run) => run.tokens)),
      rounds: quireRuns.length,
      samePrompt,
      sameText: `${sameText}/${quireRuns.length}`,
      sameCacheState: `${sameCache}/${quireRuns.length}`,
      addedTtftMs: first.addedMs,
      addedTtftP25Ms: first.addedP25Ms,
      addedTtftP75Ms: first.addedP75Ms,
      quireTtftMs: first.quireMs,
      bareTtftMs: first.bareMs,
      addedTtftFloorMs: first.floorAddedMs,
      ttftEngineAddedMs: first.engineAddedMs,
      ttftTransportMs: first.transportMs,
      ttftPairs: first.pairs,
      ttftSameCacheState: first.sameCacheState,
    },
    rows: [
      {
        measure:
          'Whole path ÷ bare node-llama-cpp, tokens/s (`pipelineRatio`, median of paired ratios)',
        value: `${round(ratio, 3)}× (middle half ${round(p25, 2)}–${round(p75, 2)}, all ${round(Math.min(...ratios), 2)}–${round(Math.max(...ratios), 2)}; fastest runs ${round(best, 3)}; ${quireRuns.length} pairs; ${round(quireSpeed, 1)} vs ${round(bareSpeed, 1)} tok/s)`,
        target: '≥ 0.98',
        met: ratio >= 0.98,
      },
      {
        measure: 'CPU per token, bare ÷ whole path (host, engine and client processes)',
        value: `${round(bareCpu / quireCpu, 3)}× (${round(bareCpu, 2)} vs ${round(quireCpu, 2)} ms)`,
        target: '',
        met: null,
      },
      {
        measure: 'Time to first token added by the whole path (median of paired differences)',
        value: `${first.addedMs} ms (middle half ${first.addedP25Ms}–${first.addedP75Ms}; ${first.quireMs} vs ${first.bareMs} ms; fastest ${first.floorAddedMs}; engine ${first.engineAddedMs}, hops ${first.transportMs}; ${first.pairs} pairs)`,
        target: '≤ 5 ms',
        met: first.addedMs <= 5,
      },
    ],
  }
}
