import { testSampling } from '../support/sampling'
import { basename } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LlamaEngine, type LoraAdapter } from '@core/engine/worker/llamaEngine'
import { TINY_LORA_BAD_PATH, TINY_LORA_PATH, TINY_MODEL_PATH } from '../fixtures/paths'
import { messagesJob, onDelta, quiet } from '../support/engineJobs'

// 20 tokens: the adapter has to change the text within them.
const sampling = testSampling({ temperature: 0.8, topP: 0.9, repeatPenalty: 1.1, maxTokens: 20 })
const job = (lora: LoraAdapter[] = [], seed = 5) =>
  messagesJob({
    system: 'You are Quire, a thoughtful writing companion.',
    user: 'Rewrite the passage below.\n\nThe night was dark and the wind was cold.',
    sampling,
    seed,
    lora,
  })
const adapter = (scale: number): LoraAdapter[] => [{ file: TINY_LORA_PATH, scale }]

describe('LoRA adapters on the tiny model', () => {
  const engine = new LlamaEngine()
  let base = ''

  beforeAll(async () => {
    await engine.load({ path: TINY_MODEL_PATH, threads: 1, contextSize: 2048, gpu: 'off' })
    base = (await engine.generate(job(), quiet)).text
  })
  afterAll(() => engine.dispose())

  it('gives exactly the base text at scale 0', async () => {
    expect(base.trim().length).toBeGreaterThan(0)
    const zero = await engine.generate(job(adapter(0)), quiet)
    expect(zero.text).toBe(base)
  })

  it('changes the text within 20 tokens at scale 1, and repeats it for the same seed', async () => {
    const deltas: string[] = []
    const first = await engine.generate(
      job(adapter(1)),
      onDelta((text) => deltas.push(text)),
    )
    const again = await engine.generate(job(adapter(1)), quiet)
    expect(first.text).not.toBe(base)
    expect(deltas.join('')).toBe(first.text)
    expect(first.text).toMatch(/^[\x20-\x7e\n]+$/)
    expect(again.text).toBe(first.text)
  })

  it('refuses an adapter made for another model, naming the file, and the base model keeps working', async () => {
    const failing = engine.generate(job([{ file: TINY_LORA_BAD_PATH, scale: 1 }]), quiet)
    await expect(failing).rejects.toMatchObject({
      code: 'lora-failed',
      message: expect.stringContaining(basename(TINY_LORA_BAD_PATH)) as unknown,
    })
    expect((await engine.generate(job(), quiet)).text).toBe(base)
    expect((await engine.generate(job(adapter(1)), quiet)).text).not.toBe(base)
  })
})
