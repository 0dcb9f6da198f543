// Section 2: a second action with the same persona evaluates only what is new in its prompt.
import { getLlama, LlamaLogLevel, resolveChatWrapper } from 'node-llama-cpp'
import { engineJobSchema } from '../../src/core/engine/backend'
import { LlamaEngine, type RunListener } from '../../src/core/engine/worker/llamaEngine'
import { chatHistory } from '../../src/core/engine/worker/runGeneration'
import { samplingValuesSchema } from '../../src/shared/presets/schema'
import type { GenerationStats } from '../../src/shared/contract'
import { median, round } from './measure'
import type { BenchContext, SectionResult } from './types'

const PERSONA = 'You are Quire, a thoughtful writing companion who avoids stock phrases. '.repeat(
  30,
)
const quiet: RunListener = { queued: () => {}, started: () => {}, delta: () => {} }
const sampling = samplingValuesSchema.parse({
  temperature: 0.7,
  topP: 0.9,
  topK: 50,
  repeatPenalty: 1.1,
  maxTokens: 4,
})

/** The tokens two prompts share from their start, counted with the model's own chat template. */
async function sharedPrefixTokens(model: string, a: [string, string], b: [string, string]) {
  const llama = await getLlama({ gpu: false, build: 'never', logLevel: LlamaLogLevel.error })
  const vocab = await llama.loadModel({ modelPath: model, vocabOnly: true })
  const wrapper = resolveChatWrapper(vocab)
  const tokens = ([system, user]: [string, string]) =>
    wrapper
      .generateContextState({ chatHistory: chatHistory(system, user) })
      .contextText.tokenize(vocab.tokenizer)
  const [x, y] = [tokens(a), tokens(b)]
  let shared = 0
  while (shared < x.length && shared < y.length && x[shared] === y[shared]) shared++
  await vocab.dispose()
  return { shared, total: y.length }
}

/** Evaluated tokens and time to first token of a warm action (persona seen) against a cold one. */
export async function promptCache(bench: BenchContext): Promise<SectionResult> {
  const engine = new LlamaEngine()
  await engine.load({
    path: bench.model,
    threads: bench.threads,
    contextSize: bench.contextSize,
    gpu: bench.gpu ? 'auto' : 'off',
    sequences: 2,
  })
  // Each round has its own persona (its first words differ), so the cold action has nothing to reuse.
  const system = (n: number) => `(${n}) ${PERSONA}`
  const first = (n: number) => `Rewrite: the rain on the roof, passage ${n}.`
  const second = (n: number) => `Rewrite: a quiet harbour at dusk, passage ${n}.`
  const run = (system: string, user: string) =>
    engine.generate(
      engineJobSchema.parse({
        runId: crypto.randomUUID(),
        prompt: { kind: 'messages', system, user },
        sampling,
        seed: 1,
      }),
      quiet,
    )
  // Cold then warm within each round; the rounds alternate the two, as A B A B.
  const cold: GenerationStats[] = []
  const warm: GenerationStats[] = []
  try {
    for (let n = 0; n < bench.rounds; n++) {
      cold.push((await run(system(n), first(n))).stats)
      warm.push((await run(system(n), second(n))).stats)
    }
  } finally {
    await engine.dispose()
  }
  const expected = await sharedPrefixTokens(
    bench.model,
    [system(0), first(0)],
    [system(0), second(0)],
  )
  const newTokens = expected.total - expected.shared
  const evaluatedRatio =
    median(warm.map((w) => w.evaluatedTokens)) / median(cold.map((c) => c.evaluatedTokens))
  const ttftRatio =
    median(warm.map((w) => w.timeToFirstTokenMs ?? Number.NaN)) /
    median(cold.map((c) => c.timeToFirstTokenMs ?? Number.NaN))
  const warmEvaluated = median(warm.map((w) => w.evaluatedTokens))
  return {
    figures: {
      coldEvaluatedTokens: median(cold.map((c) => c.evaluatedTokens)),
      warmEvaluatedTokens: warmEvaluated,
      warmPromptTokens: expected.total,
      newTokensInWarmPrompt: newTokens,
      evaluatedRatio: round(evaluatedRatio, 3),
      coldTtftMs: median(cold.map((c) => c.timeToFirstTokenMs ?? Number.NaN)),
      warmTtftMs: median(warm.map((w) => w.timeToFirstTokenMs ?? Number.NaN)),
      ttftWarmOverCold: round(ttftRatio, 3),
    },
    rows: [
      {
        measure: 'Evaluated prompt tokens, second action ÷ first (same persona)',
        value: `${round(evaluatedRatio, 3)}× (${warmEvaluated} of ${expected.total} tokens; ${newTokens} are new)`,
        target: 'only the new tokens',
        met: warmEvaluated <= newTokens + 1,
      },
      {
        measure: 'Time to first token, warm ÷ cold',
        value: `${round(ttftRatio, 2)}× (${median(warm.map((w) => w.timeToFirstTokenMs ?? 0))} vs ${median(cold.map((c) => c.timeToFirstTokenMs ?? 0))} ms)`,
        target: '',
        met: null,
      },
    ],
  }
}
