// `npm run bench`: speed measured as ratios of runs side by side on this machine, never as
// absolute targets. Uses the generated test models (run `npm run fixtures` first).
import { performance } from 'node:perf_hooks'
import { engineJobSchema, type ParsedEngineJob } from '../src/core/engine/backend'
import { LlamaEngine, type RunListener } from '../src/core/engine/worker/llamaEngine'
import { runPipeline } from '../src/shared/postprocess'
import { samplingValuesSchema } from '../src/shared/presets/schema'
import { TINY_QWEN_VOCAB_MODEL_PATH } from '../test/fixtures/paths'

const sampling = samplingValuesSchema.parse({
  temperature: 0.8,
  topP: 0.9,
  topK: 50,
  repeatPenalty: 1.1,
  maxTokens: 64,
})
const persona = 'You are Quire, a thoughtful writing companion. '.repeat(40)
type JobOverrides = { system?: string; sampling?: typeof sampling; seed?: number }
const job = (user: string, overrides: JobOverrides = {}): ParsedEngineJob =>
  engineJobSchema.parse({
    runId: crypto.randomUUID(),
    prompt: { kind: 'messages', system: overrides.system ?? persona, user },
    sampling: overrides.sampling ?? sampling,
    seed: overrides.seed ?? 1,
  })
const quiet: RunListener = { queued: () => {}, started: () => {}, delta: () => {} }

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

async function timeToFirstToken(
  engine: LlamaEngine,
  user: string,
  system: string,
): Promise<number> {
  const result = await engine.generate(
    job(user, { system, sampling: { ...sampling, maxTokens: 4 } }),
    quiet,
  )
  return result.stats.timeToFirstTokenMs ?? 0
}

async function prefixReuse(): Promise<string[]> {
  const engine = new LlamaEngine()
  await engine.load({
    path: TINY_QWEN_VOCAB_MODEL_PATH,
    threads: 1,
    contextSize: 4096,
    gpu: 'off',
    sequences: 1,
  })
  const cold: number[] = []
  const warm: number[] = []
  for (let i = 0; i < 5; i++) {
    // A persona that differs from its first word: nothing to reuse.
    const coldEngineJob = job(`Rewrite: passage ${i}.`, {
      system: `(${i}) ${persona}`,
      sampling: { ...sampling, maxTokens: 4 },
    })
    cold.push((await engine.generate(coldEngineJob, quiet)).stats.timeToFirstTokenMs ?? 0)
    // The same persona again: only the new request is evaluated.
    warm.push(await timeToFirstToken(engine, `Rewrite: another passage ${i}.`, `(${i}) ${persona}`))
  }
  await engine.dispose()
  return [
    `time to first token, persona already evaluated vs not: ${(median(warm) / median(cold)).toFixed(2)}× (${median(warm).toFixed(0)} ms vs ${median(cold).toFixed(0)} ms)`,
  ]
}

async function threads(): Promise<string[]> {
  const speeds: Record<number, number> = {}
  for (const count of [1, 2]) {
    const engine = new LlamaEngine()
    await engine.load({
      path: TINY_QWEN_VOCAB_MODEL_PATH,
      threads: count,
      contextSize: 2048,
      gpu: 'off',
    })
    const runs: number[] = []
    for (let i = 0; i < 3; i++)
      runs.push(
        (
          await engine.generate(
            job('Continue the story.', { seed: i, sampling: { ...sampling, maxTokens: 128 } }),
            quiet,
          )
        ).stats.tokensPerSecond,
      )
    speeds[count] = median(runs)
    await engine.dispose()
  }
  return [
    `generation speed, 2 threads vs 1: ${((speeds[2] ?? 0) / (speeds[1] ?? 1)).toFixed(2)}× (${speeds[2]} vs ${speeds[1]} tok/s)`,
  ]
}

function postprocess(): string[] {
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
  const perAnswer = (performance.now() - started) / rounds
  // Against the time the tiny model takes to write that much text, cleaning is noise.
  return [
    `post-processing a ${text.length}-character answer: ${perAnswer.toFixed(2)} ms per answer`,
  ]
}

const sections: [string, () => Promise<string[]> | string[]][] = [
  ['Prompt-prefix reuse', prefixReuse],
  ['Threads', threads],
  ['Post-processing', postprocess],
]
for (const [title, run] of sections) {
  console.log(`\n${title}`)
  for (const line of await run()) console.log(`  ${line}`)
}
