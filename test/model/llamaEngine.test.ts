import { testSampling } from '../support/sampling'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { LlamaContext, LlamaModel } from 'node-llama-cpp'
import { LlamaEngine, type RunListener } from '@core/engine/worker/llamaEngine'
import { TINY_MODEL_PATH } from '../fixtures/paths'
import { messagesJob, onDelta, quiet, type MessagesJobOptions } from '../support/engineJobs'

const sampling = testSampling({ temperature: 0.85, topP: 0.92, repeatPenalty: 1.15, maxTokens: 64 })
const job = (overrides: Partial<MessagesJobOptions> = {}) =>
  messagesJob({
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
    const result = await engine.generate(
      job(),
      onDelta((text) => deltas.push(text)),
    )
    expect(deltas.filter((d) => d !== '').length).toBeGreaterThan(1)
    expect(deltas.join('')).toBe(result.text)
    expect(result.text.trim().length).toBeGreaterThan(0)
    expect(result.text).toMatch(/^[\x20-\x7e\n]+$/)
    expect(result.stats.generatedTokens).toBeGreaterThan(1)
    expect(result.stats.promptTokens).toBeGreaterThan(result.stats.generatedTokens > 0 ? 10 : 0)
    expect(['eos', 'max-tokens']).toContain(result.stats.stopReason)
    expect(result.stats.timeToFirstTokenMs).not.toBeNull()
  })

  it('posts started once llama.cpp has the prompt, before the first text, once, with the exact messages', async () => {
    const order: string[] = []
    const listen = (name: string): RunListener => ({
      queued: () => order.push(`${name}:queued`),
      started: (prompt) => {
        order.push(`${name}:started`)
        expect(prompt.messages).toEqual([
          { role: 'system', content: 'You are Quire, a thoughtful writing companion.' },
          { role: 'user', content: `${name}: the lamps came on one by one.` },
        ])
      },
      delta: () => order.push(`${name}:delta`),
    })
    const run = (name: string, seed: number) =>
      engine.generate(
        job({
          seed,
          user: `${name}: the lamps came on one by one.`,
          sampling: { ...sampling, maxTokens: 6 },
        }),
        listen(name),
      )
    const dispatchPendingBatch = LlamaContext.prototype.dispatchPendingBatch
    const batches = vi
      .spyOn(LlamaContext.prototype, 'dispatchPendingBatch')
      .mockImplementation(function (this: LlamaContext) {
        order.push('batch')
        dispatchPendingBatch.call(this)
      })
    try {
      await run('alone', 21)
      // Two at once share batches: each still says started before its text.
      await Promise.all([run('first', 22), run('second', 23)])
    } finally {
      batches.mockRestore()
    }
    for (const name of ['alone', 'first', 'second']) {
      const started = order.indexOf(`${name}:started`)
      expect(order.filter((entry) => entry === `${name}:started`)).toHaveLength(1)
      expect(started).toBeGreaterThan(-1)
      expect(started).toBeLessThan(order.indexOf(`${name}:delta`))
    }
    // The lone run's prompt was handed to llama.cpp before its started was posted.
    expect(order.indexOf('batch')).toBeLessThan(order.indexOf('alone:started'))
  })

  it('gives the same text for the same seed, and other text for another seed', async () => {
    const first = await engine.generate(job({ seed: 11 }), quiet)
    const again = await engine.generate(job({ seed: 11 }), quiet)
    const other = await engine.generate(job({ seed: 12 }), quiet)
    expect(again.text).toBe(first.text)
    expect(other.text).not.toBe(first.text)
  })

  it('stops at the token budget', async () => {
    const result = await engine.generate(job({ sampling: { ...sampling, maxTokens: 5 } }), quiet)
    expect(result.stats.generatedTokens).toBeLessThanOrEqual(5)
    expect(result.stats.stopReason).toBe('max-tokens')
  })

  it('stops mid-stream on cancel and keeps the partial text', async () => {
    const request = job({ seed: 3, sampling: { ...sampling, maxTokens: 2000, temperature: 0 } })
    const deltas: string[] = []
    const running = engine.generate(
      request,
      onDelta((text) => {
        deltas.push(text)
        if (deltas.length === 3) engine.stop(request.runId)
      }),
    )
    const result = await running
    expect(result.stats.stopReason).toBe('abort')
    expect(result.text.length).toBeGreaterThan(0)
    expect(result.text).toBe(deltas.join(''))
    expect(deltas.length).toBeLessThan(50)
  })

  it('evaluates every prompt token on a cold context, and only the new ones once the persona prefix is in it', async () => {
    const cold = new LlamaEngine()
    await cold.load({ path: TINY_MODEL_PATH, threads: 1, contextSize: 2048, gpu: 'off' })
    const first = await cold.generate(job(), quiet)
    await cold.dispose()
    expect(first.stats.reusedTokens).toBe(0)
    expect(first.stats.evaluatedTokens).toBe(first.stats.promptTokens)

    await engine.generate(
      job({ user: 'Rewrite the passage below.\n\nA heron stood in the reeds.' }),
      quiet,
    )
    const second = await engine.generate(
      job({ user: 'Make this warmer.\n\nThe kettle sang on the stove.' }),
      quiet,
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
    const a = await engine.generate(job({ seed: 1, sampling: greedy }), quiet)
    const b = await engine.generate(job({ seed: 99, sampling: greedy }), quiet)
    expect(b.text).toBe(a.text)
    // Greedy decoding of the tiny model loops; a repetition penalty breaks the loop.
    const penalised = await engine.generate(
      job({ seed: 1, sampling: { ...greedy, repeatPenalty: 1.8 } }),
      quiet,
    )
    expect(penalised.text).not.toBe(a.text)
  })

  it('runs two requests at once on two sequences', async () => {
    const started: string[] = []
    const first = job({ runId: 'par-1', seed: 4 })
    const second = job({ runId: 'par-2', seed: 5 })
    const results = await Promise.all([
      engine.generate(
        first,
        onDelta(() => started.push('par-1')),
      ),
      engine.generate(
        second,
        onDelta(() => started.push('par-2')),
      ),
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
      quiet,
    )
    expect(result.stats.stopReason).toBe('deadline')
    expect(result.stats.generatedTokens).toBeLessThan(5000)
  })

  it('fits a prompt to the context itself: the text before the selection is cut from its start', async () => {
    const before = Array.from({ length: 400 }, (_, i) => `Line ${i} of the story so far.`).join(' ')
    const marker = '\u{F0000}before\u{F0001}'
    const fitted: { trimmedBefore: boolean; user: string; promptTokens: number }[] = []
    const result = await engine.generate(
      {
        ...job({ sampling: { ...sampling, maxTokens: 8 } }),
        prompt: {
          kind: 'fit',
          system: 'You are kind.',
          user: `Context: ${marker}\n\nRewrite: The cat sat on the mat.`,
          marker,
          before,
          bareUser: 'Rewrite: The cat sat on the mat.',
          selection: 'The cat sat on the mat.',
        },
      },
      {
        ...quiet,
        started: (prompt) =>
          fitted.push({
            trimmedBefore: prompt.trimmedBefore,
            user: prompt.messages.at(-1)?.content ?? '',
            promptTokens: prompt.promptTokens,
          }),
      },
    )
    const sent = fitted[0]
    expect(sent?.trimmedBefore).toBe(true)
    // The end of `before` is kept, its start dropped, and the whole prompt leaves room for the answer.
    expect(sent?.user).toContain('Line 399 of the story so far.')
    expect(sent?.user).not.toContain('Line 0 of')
    expect(sent?.user.endsWith('Rewrite: The cat sat on the mat.')).toBe(true)
    expect((sent?.promptTokens ?? Infinity) + 8).toBeLessThanOrEqual(2048)
    expect(result.stats.promptTokens).toBe(sent?.promptTokens)
  })

  it('refuses a prompt longer than the context', async () => {
    await expect(engine.generate(job({ user: 'word '.repeat(3000) }), quiet)).rejects.toMatchObject(
      { code: 'context-overflow' },
    )
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
      runId: 'q-1',
      sampling: { ...sampling, maxTokens: 200, temperature: 0 },
    })
    const queued = job({ runId: 'q-2' })
    const events: string[] = []
    const running = engine.generate(first, quiet)
    const waiting = engine.generate(queued, {
      queued: () => events.push('queued'),
      started: () => events.push('started'),
      delta: () => events.push('delta'),
    })
    // The engine says the second one waits for the only sequence, then it is cancelled there.
    await vi.waitFor(() => expect(events).toEqual(['queued']))
    expect(engine.stop('q-2')).toBe(true)
    const cancelled = await waiting
    expect(cancelled).toMatchObject({
      text: '',
      stats: { stopReason: 'abort', generatedTokens: 0 },
    })
    const done = await running
    expect(done.text.length).toBeGreaterThan(0)
  })
})

describe('LlamaEngine tokenizing', () => {
  const engine = new LlamaEngine()
  const persona = `You are Quire. ${'Warm, specific, never stock; every image earns its place. '.repeat(8)}`
  // Spied before the load: the model binds its tokenizer when it is created.
  const tokenize = vi.spyOn(LlamaModel.prototype, 'tokenize')

  beforeAll(() => engine.load({ path: TINY_MODEL_PATH, threads: 1, contextSize: 1024, gpu: 'off' }))
  afterAll(async () => {
    tokenize.mockRestore()
    await engine.dispose()
  })

  it('tokenizes the persona once for all requests, LlamaChat included', async () => {
    for (const [n, user] of ['The cat sat on the mat.', 'The boats turned home.'].entries())
      await engine.generate(
        job({ system: persona, user, seed: n, sampling: { ...sampling, maxTokens: 2 } }),
        quiet,
      )
    const ofPersona = tokenize.mock.calls.filter(([text]) => String(text).includes(persona.trim()))
    expect(ofPersona).toHaveLength(1)
  })
})
