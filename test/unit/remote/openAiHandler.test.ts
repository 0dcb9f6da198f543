import { describe, expect, it } from 'vitest'
import { QuireError, type EngineStatus, type GenerationStats } from '@shared/contract'
import type { BackendEvent, InferenceBackend } from '@core/engine/backend'
import type { EngineJob } from '@core/engine/host/engineHost'
import { createOpenAiHandler, type OpenAiReply } from '@core/openai/openAiHandler'

const model = {
  path: '/models/q.gguf',
  name: 'Qwen3 4B',
  architecture: 'qwen3',
  sizeBytes: 1,
  contextSize: 4096,
  backend: 'cpu',
  gpuLayers: 0,
  totalLayers: 36,
  sequences: 2,
  threads: 4,
  loadMs: 1,
  fallback: null,
}

/** A backend the test drives by hand: it records jobs and cancels; the test emits events. */
function fakeBackend(options: { loaded?: boolean } = {}) {
  const listeners = new Set<(event: BackendEvent) => void>()
  const jobs: EngineJob[] = []
  const cancelled: string[] = []
  const status: EngineStatus = {
    state: options.loaded === false ? 'idle' : 'ready',
    model: options.loaded === false ? null : model,
    loadingPath: null,
    notice: null,
    loadProgress: null,
  }
  const backend: InferenceBackend = {
    getStatus: () => status,
    loadModel: async () => status,
    measure: async () => ({ promptTokens: 0, contextSize: 4096 }),
    generate: (job) => {
      if (!status.model) throw new QuireError('no-model', 'No model is loaded.')
      jobs.push(job)
    },
    cancel: (requestId) => {
      cancelled.push(requestId)
      return true
    },
    reconfigure: async () => {},
    notify: () => {},
    dispose: async () => {},
  }
  const emit = (event: BackendEvent) => listeners.forEach((listener) => listener(event))
  const handler = createOpenAiHandler({
    backend: () => backend,
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  })
  return { handler, jobs, cancelled, emit, listeners }
}

/** A reply that records what the client would receive. */
function recorder() {
  const sent: { json?: { status: number; body: unknown }; events: unknown[]; ended: boolean } = {
    events: [],
    ended: false,
  }
  const reply: OpenAiReply = {
    json: (status, body) => (sent.json = { status, body }),
    event: (data) => sent.events.push(data),
    end: () => (sent.ended = true),
  }
  return { reply, sent }
}

const stats = (overrides: Partial<GenerationStats> = {}): GenerationStats => ({
  promptTokens: 20,
  reusedTokens: 5,
  evaluatedTokens: 15,
  generatedTokens: 3,
  timeToFirstTokenMs: 10,
  tokensPerSecond: 50,
  totalMs: 60,
  stopReason: 'eos',
  ...overrides,
})

const body = (extra: object = {}) => ({
  messages: [{ role: 'user', content: 'Hello' }],
  ...extra,
})

describe('the OpenAI-compatible handler', () => {
  it('streams OpenAI chunks: the role, each delta, the finish, usage, then [DONE]', async () => {
    const { handler, jobs, emit, listeners } = fakeBackend()
    const { reply, sent } = recorder()
    const done = handler.chatCompletions(
      body({ stream: true, stream_options: { include_usage: true } }),
      reply,
      new AbortController().signal,
    )
    const requestId = jobs[0]?.requestId ?? ''
    emit({ type: 'delta', requestId: 'someone-else', seq: 0, text: 'Not mine', tokens: 0 + 1 })
    emit({ type: 'delta', requestId, seq: 0, text: 'Hi ', tokens: 0 + 1 })
    emit({ type: 'delta', requestId, seq: 1, text: 'there', tokens: 1 + 1 })
    emit({ type: 'done', requestId, text: 'Hi there', stats: stats({ stopReason: 'max-tokens' }) })
    await done
    expect(sent.ended).toBe(true)
    expect(sent.events).toMatchObject([
      {
        id: requestId,
        object: 'chat.completion.chunk',
        model: 'Qwen3 4B',
        usage: null,
        choices: [{ delta: { role: 'assistant', content: '' }, finish_reason: null }],
      },
      { choices: [{ delta: { content: 'Hi ' } }] },
      { choices: [{ delta: { content: 'there' } }] },
      { choices: [{ delta: {}, finish_reason: 'length' }] },
      {
        choices: [],
        usage: {
          prompt_tokens: 20,
          completion_tokens: 3,
          total_tokens: 23,
          prompt_tokens_details: { cached_tokens: 5 },
        },
      },
    ])
    expect(listeners.size).toBe(0)
  })

  it('answers one JSON completion without `stream`, and no usage chunk unless asked', async () => {
    const { handler, jobs, emit } = fakeBackend()
    const { reply, sent } = recorder()
    const done = handler.chatCompletions(body(), reply, new AbortController().signal)
    const requestId = jobs[0]?.requestId ?? ''
    emit({ type: 'delta', requestId, seq: 0, text: 'Whole', tokens: 0 + 1 })
    emit({ type: 'done', requestId, text: 'Whole', stats: stats() })
    await done
    expect(sent.events).toEqual([])
    expect(sent.json).toMatchObject({
      status: 200,
      body: {
        object: 'chat.completion',
        choices: [{ message: { role: 'assistant', content: 'Whole' }, finish_reason: 'stop' }],
        usage: { total_tokens: 23 },
      },
    })
  })

  it('cancels the engine job when the client goes away', async () => {
    const { handler, jobs, cancelled, emit } = fakeBackend()
    const { reply, sent } = recorder()
    const client = new AbortController()
    const done = handler.chatCompletions(body({ stream: true }), reply, client.signal)
    const requestId = jobs[0]?.requestId ?? ''
    emit({ type: 'delta', requestId, seq: 0, text: 'Partial', tokens: 0 + 1 })
    client.abort()
    expect(cancelled).toEqual([requestId])
    emit({ type: 'done', requestId, text: 'Partial', stats: stats({ stopReason: 'abort' }) })
    await done
    expect(sent.ended).toBe(false)
  })

  it('ends the answer at a stop string and stops the engine', async () => {
    const { handler, jobs, cancelled, emit } = fakeBackend()
    const { reply, sent } = recorder()
    const done = handler.chatCompletions(
      body({ stop: ['###'] }),
      reply,
      new AbortController().signal,
    )
    const requestId = jobs[0]?.requestId ?? ''
    emit({ type: 'delta', requestId, seq: 0, text: 'Line one#', tokens: 0 + 1 })
    emit({ type: 'delta', requestId, seq: 1, text: '## Line two', tokens: 1 + 1 })
    expect(cancelled).toEqual([requestId])
    emit({ type: 'delta', requestId, seq: 2, text: ' late', tokens: 2 + 1 })
    emit({ type: 'done', requestId, text: 'x', stats: stats({ stopReason: 'abort' }) })
    await done
    expect(sent.json?.body).toMatchObject({
      choices: [{ message: { content: 'Line one' }, finish_reason: 'stop' }],
    })
  })

  it('answers an engine error before any text with its HTTP status', async () => {
    const { handler, jobs, emit } = fakeBackend()
    const { reply, sent } = recorder()
    const done = handler.chatCompletions(
      body({ stream: true }),
      reply,
      new AbortController().signal,
    )
    const requestId = jobs[0]?.requestId ?? ''
    emit({ type: 'error', requestId, code: 'context-overflow', message: 'The prompt is too long.' })
    await done
    expect(sent.events).toEqual([])
    expect(sent.json).toEqual({
      status: 400,
      body: {
        error: {
          message: 'The prompt is too long.',
          type: 'invalid_request_error',
          param: null,
          code: 'context_length_exceeded',
        },
      },
    })
  })

  it('puts an error that comes mid-stream into the stream, then ends it', async () => {
    const { handler, jobs, emit } = fakeBackend()
    const { reply, sent } = recorder()
    const done = handler.chatCompletions(
      body({ stream: true }),
      reply,
      new AbortController().signal,
    )
    const requestId = jobs[0]?.requestId ?? ''
    emit({ type: 'delta', requestId, seq: 0, text: 'Half', tokens: 0 + 1 })
    emit({ type: 'error', requestId, code: 'engine-stopped', message: 'The engine stopped.' })
    await done
    expect(sent.events.at(-1)).toMatchObject({ error: { message: 'The engine stopped.' } })
    expect(sent.ended).toBe(true)
  })

  it('says 503 when no model is loaded, and lists no models', async () => {
    const { handler } = fakeBackend({ loaded: false })
    const { reply, sent } = recorder()
    await handler.chatCompletions(body(), reply, new AbortController().signal)
    expect(sent.json).toMatchObject({ status: 503, body: { error: { code: 'model_not_loaded' } } })
    expect(handler.listModels()).toEqual({ object: 'list', data: [] })
  })

  it('lists the loaded model', () => {
    expect(fakeBackend().handler.listModels()).toMatchObject({
      data: [{ id: 'Qwen3 4B', object: 'model', owned_by: 'quire' }],
    })
  })

  it('answers bad input with a 400 and starts nothing', async () => {
    const { handler, jobs } = fakeBackend()
    const { reply, sent } = recorder()
    await handler.chatCompletions({ messages: 'hi' }, reply, new AbortController().signal)
    expect(sent.json?.status).toBe(400)
    expect(jobs).toEqual([])
  })
})
