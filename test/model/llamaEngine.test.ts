import { testSampling } from '../support/sampling'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LlamaEngine, type GenerationJob } from '@core/engine/worker/llamaEngine'
import { TINY_MODEL_PATH } from '../fixtures/paths'

const sampling = testSampling({ temperature: 0.85, topP: 0.92, repeatPenalty: 1.15, maxTokens: 64 })
const job = (overrides: Partial<GenerationJob> = {}): GenerationJob => ({
  requestId: crypto.randomUUID(),
  system: 'You are Quire, a thoughtful writing companion.',
  user: 'Rewrite the passage below.\n\nThe cat sat on the mat.',
  sampling,
  seed: 7,
  ...overrides,
})

describe('LlamaEngine on the tiny model', () => {
  const engine = new LlamaEngine()

  beforeAll(async () => {
    await engine.load({ path: TINY_MODEL_PATH, threads: 1, contextSize: 2048, gpu: 'off' })
  })
  afterAll(() => engine.dispose())

  it('reports what it loaded', () => {
    expect(engine.model).toMatchObject({
      path: TINY_MODEL_PATH,
      architecture: 'qwen3',
      backend: 'cpu',
      threads: 1,
      contextSize: 2048,
    })
  })

  it('streams real tokens whose pieces add up to the final text', async () => {
    const deltas: string[] = []
    const result = await engine.generate(job(), (text) => deltas.push(text))
    expect(deltas.filter((d) => d !== '').length).toBeGreaterThan(1)
    expect(deltas.join('')).toBe(result.text)
    expect(result.text.trim().length).toBeGreaterThan(0)
    expect(result.text).toMatch(/^[\x20-\x7e\n]+$/)
    expect(result.stats.generatedTokens).toBeGreaterThan(1)
    expect(result.stats.promptTokens).toBeGreaterThan(result.stats.generatedTokens > 0 ? 10 : 0)
    expect(['eos', 'max-tokens']).toContain(result.stats.stopReason)
    expect(result.stats.timeToFirstTokenMs).not.toBeNull()
  })

  it('gives the same text for the same seed, and other text for another seed', async () => {
    const first = await engine.generate(job({ seed: 11 }), () => {})
    const again = await engine.generate(job({ seed: 11 }), () => {})
    const other = await engine.generate(job({ seed: 12 }), () => {})
    expect(again.text).toBe(first.text)
    expect(other.text).not.toBe(first.text)
  })

  it('stops at the token budget', async () => {
    const result = await engine.generate(job({ sampling: { ...sampling, maxTokens: 5 } }), () => {})
    expect(result.stats.generatedTokens).toBeLessThanOrEqual(5)
    expect(result.stats.stopReason).toBe('max-tokens')
  })

  it('stops mid-stream on cancel and keeps the partial text', async () => {
    const request = job({ seed: 3, sampling: { ...sampling, maxTokens: 2000, temperature: 0 } })
    const deltas: string[] = []
    const running = engine.generate(request, (text) => {
      deltas.push(text)
      if (deltas.length === 3) engine.cancel(request.requestId)
    })
    const result = await running
    expect(result.stats.stopReason).toBe('abort')
    expect(result.text.length).toBeGreaterThan(0)
    expect(result.text).toBe(deltas.join(''))
    expect(deltas.length).toBeLessThan(50)
  })

  it('evaluates every prompt token on a cold context, and only the new ones once the persona prefix is in it', async () => {
    const cold = new LlamaEngine()
    await cold.load({ path: TINY_MODEL_PATH, threads: 1, contextSize: 2048, gpu: 'off' })
    const first = await cold.generate(job(), () => {})
    await cold.dispose()
    expect(first.stats.reusedTokens).toBe(0)
    expect(first.stats.evaluatedTokens).toBe(first.stats.promptTokens)

    await engine.generate(
      job({ user: 'Rewrite the passage below.\n\nA heron stood in the reeds.' }),
      () => {},
    )
    const second = await engine.generate(
      job({ user: 'Make this warmer.\n\nThe kettle sang on the stove.' }),
      () => {},
    )
    expect(second.stats.reusedTokens).toBeGreaterThan(5)
    expect(second.stats.evaluatedTokens).toBe(second.stats.promptTokens - second.stats.reusedTokens)
    expect(second.stats.evaluatedTokens).toBeLessThan(second.stats.promptTokens)
  })

  it('explains a missing file without touching llama.cpp', async () => {
    await expect(
      engine.load({ path: '/nonexistent/model.gguf', threads: 1, contextSize: 512, gpu: 'off' }),
    ).rejects.toMatchObject({
      code: 'model-not-found',
    })
    expect(engine.model?.path).toBe(TINY_MODEL_PATH)
  })

  it('passes the preset to the sampler: top-k 1 is greedy whatever the seed', async () => {
    const greedy = testSampling({ topK: 1, maxTokens: 100, repeatPenalty: 1 })
    const a = await engine.generate(job({ seed: 1, sampling: greedy }), () => {})
    const b = await engine.generate(job({ seed: 99, sampling: greedy }), () => {})
    expect(b.text).toBe(a.text)
    // Greedy decoding of the tiny model loops; a repetition penalty breaks the loop.
    const penalised = await engine.generate(
      job({ seed: 1, sampling: { ...greedy, repeatPenalty: 1.8 } }),
      () => {},
    )
    expect(penalised.text).not.toBe(a.text)
  })

  it('runs two requests at once on two sequences', async () => {
    const started: string[] = []
    const first = job({ requestId: 'par-1', seed: 4 })
    const second = job({ requestId: 'par-2', seed: 5 })
    const results = await Promise.all([
      engine.generate(first, () => started.push('par-1')),
      engine.generate(second, () => started.push('par-2')),
    ])
    expect(results.every((r) => r.text.length > 0)).toBe(true)
    // Interleaved deltas show both were generating at the same time.
    const firstDone = started.lastIndexOf('par-1')
    expect(started.indexOf('par-2')).toBeLessThan(firstDone)
  })

  it('stops at the deadline with what it has', async () => {
    const result = await engine.generate(
      job({
        deadlineAt: Date.now() + 30,
        sampling: { ...sampling, maxTokens: 5000, temperature: 0 },
      }),
      () => {},
    )
    expect(result.stats.stopReason).toBe('deadline')
    expect(result.stats.generatedTokens).toBeLessThan(5000)
  })

  it('counts a prompt the way the chat template formats it', () => {
    const short = engine.measure('You are kind.', 'Hi.')
    const long = engine.measure('You are kind.', 'Hi. '.repeat(50))
    expect(short.contextSize).toBe(2048)
    expect(long.promptTokens).toBeGreaterThan(short.promptTokens + 40)
  })

  it('refuses a prompt longer than the context', async () => {
    await expect(
      engine.generate(job({ user: 'word '.repeat(3000) }), () => {}),
    ).rejects.toMatchObject({ code: 'context-overflow' })
  })
})

describe('a context with one sequence', () => {
  const engine = new LlamaEngine()
  beforeAll(() =>
    engine.load({ path: TINY_MODEL_PATH, threads: 1, contextSize: 1024, gpu: 'off', sequences: 1 }),
  )
  afterAll(() => engine.dispose())

  it('queues a second request and cancels it before it starts, without touching the first', async () => {
    const first = job({
      requestId: 'q-1',
      sampling: { ...sampling, maxTokens: 200, temperature: 0 },
    })
    const queued = job({ requestId: 'q-2' })
    const running = engine.generate(first, () => {})
    const waiting = engine.generate(queued, () => {})
    expect(engine.cancel('q-2')).toBe(true)
    const cancelled = await waiting
    expect(cancelled).toMatchObject({
      text: '',
      stats: { stopReason: 'abort', generatedTokens: 0 },
    })
    const done = await running
    expect(done.text.length).toBeGreaterThan(0)
  })
})
