// Section 1, second half: the time to first token the whole path adds, from many short pairs
// (a few tokens each, A B A B) rather than from the long runs: the first token of a run is one
// sample, and on a shared machine one sample per long run is too few to tell 5 ms apart.
import type { ChatMessage } from '../../src/shared/contract'
import type { SamplingValues } from '../../src/shared/presets/schema'
import type { BareEngine } from './bareEngine'
import { interleave, median, percentile, round } from './measure'
import { runAction } from './quireAction'
import type { BenchClient } from './socketClient'

/** Tokens each short run generates: enough for a first piece of text on both sides. */
const SHORT_TOKENS = 4

/** One pair: the first token as the client saw it, as Quire's engine counted it, and bare. */
export type FirstTokenPair = {
  quireMs: number
  /** From the engine process receiving the job to llama.cpp's first piece of text (whole ms). */
  engineMs: number
  bareMs: number
  /** Prompt tokens evaluated on each side: equal when both caches were in the same state. */
  quireEvaluated: number
  bareEvaluated: number
}

/** What `firstTokenPairs` reports: medians of paired differences, with their spread. */
export type FirstTokenFigures = {
  pairs: number
  addedMs: number
  addedP25Ms: number
  addedP75Ms: number
  quireMs: number
  bareMs: number
  /** The fastest Quire first token less the fastest bare one: the least disturbed of each. */
  floorAddedMs: number
  /** Added inside the engine process before llama.cpp starts (fitting, tokenizing, the sequence). */
  engineAddedMs: number
  /** Added by the hops client → host → engine and back, and the host's own work. */
  transportMs: number
  sameCacheState: string
}

/** Runs `pairs` short Quire actions and bare runs interleaved and compares their first tokens. */
export async function firstTokenPairs(
  client: BenchClient,
  bare: BareEngine,
  prompt: (n: number) => Promise<{ messages: ChatMessage[]; sampling: SamplingValues }>,
  selection: (n: number) => string,
  pairs: number,
): Promise<FirstTokenFigures> {
  // Different numbers from the long runs, so no pair finds its own prompt already evaluated.
  const n0 = 5000
  const runs = await interleave(
    pairs,
    async (n) => {
      const timing = await runAction(client, {
        selection: selection(n0 + n),
        maxTokens: SHORT_TOKENS,
        seed: n0 + n,
      })
      return {
        ms: timing.firstDeltaAt - timing.sentAt,
        engineMs: timing.done.stats.timeToFirstTokenMs ?? Number.NaN,
        evaluated: timing.done.stats.evaluatedTokens,
      }
    },
    async (n) => {
      const { messages, sampling } = await prompt(n0 + n)
      const run = await bare.run(messages, { ...sampling, maxTokens: SHORT_TOKENS }, n0 + n)
      return { ms: run.firstChunkAt - run.startedAt, evaluated: run.evaluatedTokens }
    },
    3,
  )
  const list: FirstTokenPair[] = runs.a.map((quire, i) => {
    const other = runs.b[i] ?? { ms: Number.NaN, evaluated: Number.NaN }
    return {
      quireMs: quire.ms,
      engineMs: quire.engineMs,
      bareMs: other.ms,
      quireEvaluated: quire.evaluated,
      bareEvaluated: other.evaluated,
    }
  })
  const added = list.map((pair) => pair.quireMs - pair.bareMs)
  const same = list.filter((pair) => pair.quireEvaluated === pair.bareEvaluated).length
  return {
    pairs: list.length,
    addedMs: round(median(added), 1),
    addedP25Ms: round(percentile(added, 0.25), 1),
    addedP75Ms: round(percentile(added, 0.75), 1),
    quireMs: round(median(list.map((pair) => pair.quireMs)), 1),
    bareMs: round(median(list.map((pair) => pair.bareMs)), 1),
    floorAddedMs: round(
      Math.min(...list.map((pair) => pair.quireMs)) - Math.min(...list.map((pair) => pair.bareMs)),
      1,
    ),
    engineAddedMs: round(median(list.map((pair) => pair.engineMs - pair.bareMs)), 1),
    transportMs: round(median(list.map((pair) => pair.quireMs - pair.engineMs)), 1),
    sameCacheState: `${same}/${list.length}`,
  }
}
