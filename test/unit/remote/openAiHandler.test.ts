import { describe, expect, it } from 'vitest'
import { createOpenAiHandler, type OpenAiReply } from '@core/openai/openAiHandler'
import { GenerationService } from '@core/generation/generationService'
import { ModelReadiness } from '@core/generation/modelReadiness'
import { FakeBackend, fakeModel, settle, stats } from '../generation/fakeBackend'

/** The handler over a real GenerationService on a backend the test drives by hand. */
function fakeBackend(options: { loaded?: boolean; loadWaitMs?: number } = {}) {
  const backend = new FakeBackend(options.loaded !== false)
  const readiness = new ModelReadiness(() => backend.getStatus())
  backend.onStatus(() => readiness.changed())
  const generation = new GenerationService({ backend: () => backend, readiness })
  const handler = createOpenAiHandler({
    generation,
    readiness,
    model: () => backend.getStatus().model,
    loadWaitMs: options.loadWaitMs,
  })
  /** The run the handler started (after the service has begun it). */
  const run = async () => {
    await settle()
    const started = backend.last()
    return { ...started, requestId: started.job.runId.replace(/#\d+$/, '') }
  }
  return { handler, backend, generation, run }
}

/** A reply that records what the client would receive. */
function recorder() {
  const sent: {
    json?: { status: number; body: unknown; headers?: Record<string, string> | undefined }
    events: unknown[]
    ended: boolean
  } = {
    events: [],
    ended: false,
  }
  const reply: OpenAiReply = {
    json: (status, body, headers) => (sent.json = { status, body, headers }),
    event: (data) => sent.events.push(data),
    end: () => (sent.ended = true),
  }
  return { reply, sent }
}

const body = (extra: object = {}) => ({
  messages: [{ role: 'user', content: 'Hello' }],
  ...extra,
})

describe('the OpenAI-compatible handler', () => {
  it('streams OpenAI chunks: the role, each delta, the finish, usage, then [DONE]', async () => {
    const { handler, run, generation } = fakeBackend()
    const { reply, sent } = recorder()
    const done = handler.chatCompletions(
      body({ stream: true, stream_options: { include_usage: true } }),
      reply,
      new AbortController().signal,
    )
    const { sink, requestId } = await run()
    // Another HTTP request's text never reaches this one.
    const other = recorder()
    const otherDone = handler.chatCompletions(body(), other.reply, new AbortController().signal)
    const { sink: otherSink } = await run()
    otherSink.delta('Not mine', 1)
    sink.delta('Hi ', 1)
    sink.delta('there', 2)
    sink.done('Hi there', stats({ stopReason: 'max-tokens' }))
    otherSink.done('Not mine', stats())
    await Promise.all([done, otherDone])
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
    expect(generation.size).toBe(0)
  })

  it('answers one JSON completion without `stream`, and no usage chunk unless asked', async () => {
    const { handler, run } = fakeBackend()
    const { reply, sent } = recorder()
    const done = handler.chatCompletions(body(), reply, new AbortController().signal)
    const { sink } = await run()
    sink.delta('Whole', 1)
    sink.done('Whole', stats())
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
    const { handler, run, backend } = fakeBackend()
    const { reply, sent } = recorder()
    const client = new AbortController()
    const done = handler.chatCompletions(body({ stream: true }), reply, client.signal)
    const { sink, job } = await run()
    sink.delta('Partial', 1)
    client.abort()
    expect(backend.cancelled).toEqual([{ runId: job.runId, reason: 'abort' }])
    sink.done('Partial', stats({ stopReason: 'abort' }))
    await done
    expect(sent.ended).toBe(false)
  })

  it('ends the answer at a stop string and stops the engine', async () => {
    const { handler, run, backend } = fakeBackend()
    const { reply, sent } = recorder()
    const done = handler.chatCompletions(
      body({ stop: ['###'] }),
      reply,
      new AbortController().signal,
    )
    const { sink, job } = await run()
    sink.delta('Line one#', 1)
    sink.delta('## Line two', 2)
    expect(backend.cancelled).toEqual([{ runId: job.runId, reason: 'abort' }])
    sink.delta(' late', 3)
    sink.done('x', stats({ stopReason: 'abort' }))
    await done
    expect(sent.json?.body).toMatchObject({
      choices: [{ message: { content: 'Line one' }, finish_reason: 'stop' }],
    })
  })

  it('answers an engine error before any text with its HTTP status', async () => {
    const { handler, run } = fakeBackend()
    const { reply, sent } = recorder()
    const done = handler.chatCompletions(
      body({ stream: true }),
      reply,
      new AbortController().signal,
    )
    const { sink } = await run()
    sink.error('context-overflow', 'The prompt is too long.')
    await done
    expect(sent.events).toEqual([])
    expect(sent.json).toMatchObject({
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
    const { handler, run } = fakeBackend()
    const { reply, sent } = recorder()
    const done = handler.chatCompletions(
      body({ stream: true }),
      reply,
      new AbortController().signal,
    )
    const { sink } = await run()
    sink.delta('Half', 1)
    sink.error('engine-stopped', 'The engine stopped.')
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

  it('waits for a model that is loading, then answers', async () => {
    const { handler, backend, run } = fakeBackend({ loaded: false })
    backend.setStatus({ state: 'loading', loadingPath: '/models/q.gguf', loadProgress: 0.2 })
    const { reply, sent } = recorder()
    const done = handler.chatCompletions(body(), reply, new AbortController().signal)
    await settle()
    expect(backend.runs).toEqual([])
    backend.setStatus({ state: 'ready', model: fakeModel, loadingPath: null, loadProgress: null })
    const { sink } = await run()
    sink.delta('Loaded.', 1)
    sink.done('Loaded.', stats())
    await done
    expect(sent.json).toMatchObject({
      status: 200,
      body: { choices: [{ message: { content: 'Loaded.' } }] },
    })
  })

  it('answers 503 with Retry-After and says the model is loading when the load outlasts the wait', async () => {
    const { handler, backend } = fakeBackend({ loaded: false, loadWaitMs: 20 })
    backend.setStatus({ state: 'loading', loadingPath: '/models/q.gguf' })
    const { reply, sent } = recorder()
    await handler.chatCompletions(body(), reply, new AbortController().signal)
    expect(sent.json).toMatchObject({
      status: 503,
      headers: { 'Retry-After': expect.stringMatching(/^\d+$/) },
      body: { error: { code: 'model_loading', message: expect.stringContaining('loading') } },
    })
    expect(backend.runs).toEqual([])
  })

  it('lists the loaded model', () => {
    expect(fakeBackend().handler.listModels()).toMatchObject({
      data: [{ id: 'Qwen3 4B', object: 'model', owned_by: 'quire' }],
    })
  })

  it('answers bad input with a 400 and starts nothing', async () => {
    const { handler, backend } = fakeBackend()
    const { reply, sent } = recorder()
    await handler.chatCompletions({ messages: 'hi' }, reply, new AbortController().signal)
    await settle()
    expect(sent.json?.status).toBe(400)
    expect(backend.runs).toEqual([])
  })
})
