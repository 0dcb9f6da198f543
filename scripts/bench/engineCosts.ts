// Engine figures kept from the first bench: what a second thread buys, and what cleaning costs.
import { performance } from 'node:perf_hooks'
import { engineJobSchema } from '../../src/core/engine/backend'
import { LlamaEngine, type RunListener } from '../../src/core/engine/worker/llamaEngine'
import { runPipeline } from '../../src/shared/postprocess'
import { samplingValuesSchema } from '../../src/shared/presets/schema'
import { median, round } from './measure'
import type { BenchContext, SectionResult } from './types'

const quiet: RunListener = { queued: () => {}, started: () => {}, delta: () => {} }
const sampling = samplingValuesSchema.parse({
  temperature: 0.8,
  topP: 0.9,
  topK: 50,
  repeatPenalty: 1.1,
  maxTokens: 128,
})

async function speedWith(model: string, threads: number, gpu: boolean, seed: number) {
  const engine = new LlamaEngine()
  await engine.load({ path: model, threads, contextSize: 2048, gpu: gpu ? 'auto' : 'off' })
  try {
    const job = engineJobSchema.parse({
      runId: crypto.randomUUID(),
      prompt: { kind: 'messages', system: 'You are a writer.', user: 'Continue the story.' },
      sampling,
      seed,
    })
    return (await engine.generate(job, quiet)).stats.tokensPerSecond
  } finally {
    await engine.dispose()
  }
}

/** Milliseconds to clean a long answer with every step. */
function cleaningMs(): { ms: number; chars: number } {
  const text =
    '风很轻。云很淡。风很轻。今天天气很好,我们去公园吧!非常非常非常好。Sure! Here is the text: the the wind moved. '.repeat(
      40,
    )
  const steps = [
    'strip-think',
    'strip-preamble',
    'dedupe-sentences',
    'collapse-repeats',
    'normalize-punctuation',
    { 'trim-length': 400 },
  ] as const
  const started = performance.now()
  let rounds = 0
  while (performance.now() - started < 1_000) {
    runPipeline(text, [...steps], { language: 'zh' })
    rounds++
  }
  return { ms: (performance.now() - started) / rounds, chars: text.length }
}

/**
 * The cost of post-processing, and with `--compare-threads` generation speed with 2 threads
 * against 1 (interleaved; slow, and on a shared 2-core machine it measures the neighbours).
 */
export async function engineCosts(bench: BenchContext): Promise<SectionResult> {
  const one: number[] = []
  const two: number[] = []
  if (bench.compareThreads)
    for (let i = 0; i < 3; i++) {
      one.push(await speedWith(bench.model, 1, bench.gpu, i))
      two.push(await speedWith(bench.model, 2, bench.gpu, i))
    }
  const ratio = bench.compareThreads ? median(two) / median(one) : null
  const cleaning = cleaningMs()
  const threadRow = {
    measure: 'Generation speed, 2 threads ÷ 1',
    value:
      ratio === null
        ? 'not run (`--compare-threads`)'
        : `${round(ratio, 2)}× (${round(median(two), 1)} vs ${round(median(one), 1)} tok/s)`,
    target: '',
    met: null,
  }
  return {
    figures: {
      twoThreadsOverOne: ratio === null ? null : round(ratio, 2),
      postprocessMsPerAnswer: round(cleaning.ms, 2),
      postprocessChars: cleaning.chars,
    },
    rows: [
      threadRow,
      {
        measure: `Post-processing a ${cleaning.chars}-character answer`,
        value: `${round(cleaning.ms, 2)} ms`,
        target: '',
        met: null,
      },
    ],
  }
}
