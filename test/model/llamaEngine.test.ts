import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LlamaEngine, type GenerationJob } from '@core/engine/worker/llamaEngine'
import { TINY_MODEL_PATH } from '../fixtures/paths'

const sampling = {
  temperature: 0.85,
  topP: 0.92,
  topK: 50,
  minP: 0,
  repeatPenalty: 1.15,
  frequencyPenalty: 0,
  presencePenalty: 0,
  maxTokens: 64,
}
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
})
