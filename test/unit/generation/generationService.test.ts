import { describe, expect, it } from 'vitest'
import type { GenerationEvent } from '@shared/contract'
import {
  GenerationService,
  type GenerationClient,
  type PreparedRequest,
} from '@core/generation/generationService'
import { ModelReadiness } from '@core/generation/modelReadiness'
import type { StepSpec } from '@shared/postprocess'
import { FakeBackend, fakeModel, sampling, settle, stats } from './fakeBackend'

function setup(loaded = true) {
  const backend = new FakeBackend(loaded)
  const readiness = new ModelReadiness(() => backend.getStatus())
  backend.onStatus(() => readiness.changed())
  const service = new GenerationService({ backend: () => backend, readiness })
  return { backend, readiness, service }
}

/** A client that keeps every event it is sent. */
function client(id: string): GenerationClient & { events: GenerationEvent[] } {
  const events: GenerationEvent[] = []
  return { id, events, send: (event) => events.push(event) }
}

const prepared = (
  options: {
    steps?: StepSpec[]
    language?: 'zh' | 'en'
    continuation?: boolean
    deadlineAt?: number
  } = {},
): PreparedRequest => ({
  job: {
    prompt: {
      kind: 'fit',
      system: 'You write warmly.',
      user: 'Before: @@\nRewrite: rain',
      marker: '@@',
      before: 'It was late.',
      bareUser: 'Rewrite: rain',
      selection: 'rain',
    },
    sampling,
    seed: 7,
    lora: [],
  },
  deadlineAt: options.deadlineAt,
  continuation: options.continuation ?? false,
  finishing: { steps: options.steps ?? [], language: options.language ?? 'en' },
})

const types = (events: GenerationEvent[]) => events.map((event) => event.type)
const fitted = (user: string) => ({
  messages: [
    { role: 'system' as const, content: 'You write warmly.' },
    { role: 'user' as const, content: user },
  ],
  trimmedBefore: true,
  promptTokens: 30,
})

describe('GenerationService', () => {
  it('sends a request’s events to the client that asked, and to no one else', async () => {
    const { backend, service } = setup()
    const writer = client('window-1')
    const other = client('window-2')
    service.generate(writer, 'r1', prepared())
    service.generate(other, 'r2', prepared())
    await settle()
    const [mine, theirs] = backend.runs
    mine?.sink.started(fitted('Before: It was late.\nRewrite: rain'))
    mine?.sink.delta('Soft ', 1)
    theirs?.sink.delta('Other ', 1)
    mine?.sink.done('Soft rain.', stats())
    expect(types(writer.events)).toEqual(['started', 'delta', 'done'])
    expect(writer.events.every((event) => event.requestId === 'r1')).toBe(true)
    expect(types(other.events)).toEqual(['delta'])
    expect(other.events[0]).toMatchObject({ requestId: 'r2', text: 'Other ' })
  })

  it('starts with the exact messages the backend fitted, the sampling, seed and model', async () => {
    const { backend, service } = setup()
    const writer = client('w')
    service.generate(writer, 'r1', prepared())
    await settle()
    backend.last().sink.started(fitted('Before: late.\nRewrite: rain'))
    expect(writer.events[0]).toEqual({
      type: 'started',
      requestId: 'r1',
      attempt: 1,
      messages: fitted('Before: late.\nRewrite: rain').messages,
      sampling,
      maxTokens: 64,
      seed: 7,
      model: fakeModel.name,
      trimmedBefore: true,
    })
  })

  it('honours a cancel that arrives before its request: it never runs and ends at once', async () => {
    const { backend, service } = setup()
    const writer = client('w')
    expect(service.cancel(writer, 'early')).toBe(true)
    service.generate(writer, 'early', prepared())
    await settle()
    expect(backend.runs).toEqual([])
    expect(writer.events).toMatchObject([
      { type: 'done', requestId: 'early', text: '', stats: { stopReason: 'abort' } },
    ])
    // Another client cannot cancel this client's future request.
    const stranger = client('s')
    service.cancel(stranger, 'later')
    service.generate(writer, 'later', prepared())
    await settle()
    expect(backend.runs).toHaveLength(1)
  })

  it('cancels a running request through the backend and passes its partial text on, without a retry', async () => {
    const { backend, service } = setup()
    const writer = client('w')
    service.generate(writer, 'r1', prepared({ steps: ['language-guard'], language: 'zh' }))
    await settle()
    const { job, sink } = backend.last()
    sink.started(fitted('x'))
    sink.delta('The rain', 2)
    expect(service.cancel(writer, 'r1')).toBe(true)
    expect(backend.cancelled).toEqual([{ runId: job.runId, reason: 'abort' }])
    sink.done('The rain', stats({ stopReason: 'abort' }))
    expect(writer.events.at(-1)).toMatchObject({
      type: 'done',
      text: 'The rain',
      retried: false,
      stats: { stopReason: 'abort' },
    })
    expect(backend.runs).toHaveLength(1)
    expect(service.cancel(writer, 'r1')).toBe(false)
  })

  it('waits for a model that is loading, then runs; a cancel meanwhile ends it at once', async () => {
    const { backend, service } = setup(false)
    backend.setStatus({ state: 'loading', loadingPath: '/m.gguf', loadProgress: 0.1 })
    const writer = client('w')
    service.generate(writer, 'r1', prepared())
    service.generate(writer, 'r2', prepared())
    await settle()
    expect(writer.events).toEqual([
      { type: 'waiting', requestId: 'r1', reason: 'model-loading' },
      { type: 'waiting', requestId: 'r2', reason: 'model-loading' },
    ])
    service.cancel(writer, 'r2')
    expect(writer.events.at(-1)).toMatchObject({ type: 'done', requestId: 'r2', text: '' })
    backend.setStatus({ state: 'ready', model: fakeModel, loadingPath: null })
    expect(backend.runs.map((run) => run.job.runId)).toEqual(['r1#1'])
  })

  it('says there is no model when none is loaded or loading, and when the load failed', async () => {
    const { backend, service } = setup(false)
    const writer = client('w')
    service.generate(writer, 'r1', prepared())
    await settle()
    expect(writer.events).toMatchObject([{ type: 'error', code: 'no-model' }])
    backend.setStatus({ state: 'loading' })
    service.generate(writer, 'r2', prepared())
    await settle()
    backend.setStatus({ state: 'idle', notice: 'Could not load m.gguf: bad magic.' })
    expect(writer.events.at(-1)).toMatchObject({
      type: 'error',
      requestId: 'r2',
      code: 'no-model',
      message: expect.stringContaining('bad magic'),
    })
    expect(backend.runs).toEqual([])
  })

  it('counts a load the service began (checking the file) as loading', async () => {
    const { readiness, backend, service } = setup(false)
    let finishLoad = () => {}
    const load = readiness.track(new Promise<void>((resolve) => (finishLoad = resolve)))
    const writer = client('w')
    service.generate(writer, 'r1', prepared())
    await settle()
    expect(types(writer.events)).toEqual(['waiting'])
    backend.status = { ...backend.status, state: 'ready', model: fakeModel }
    finishLoad()
    await load
    expect(backend.runs).toHaveLength(1)
  })

  it('ends a request still waiting for the model at its deadline', async () => {
    const { backend, service } = setup(false)
    backend.setStatus({ state: 'loading' })
    const writer = client('w')
    service.generate(writer, 'r1', prepared({ deadlineAt: Date.now() + 10 }))
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(writer.events.at(-1)).toMatchObject({ type: 'done', stats: { stopReason: 'deadline' } })
  })

  it('refuses an id already in use', async () => {
    const { service } = setup()
    const writer = client('w')
    service.generate(writer, 'r1', prepared())
    expect(() => service.generate(writer, 'r1', prepared())).toThrow(
      expect.objectContaining({ code: 'invalid-request' }),
    )
  })

  it('replaces the client’s running continuation with a new one, not another client’s', async () => {
    const { backend, service } = setup()
    const writer = client('w')
    const other = client('o')
    service.generate(writer, 'c1', prepared({ continuation: true }))
    service.generate(other, 'c-other', prepared({ continuation: true }))
    await settle()
    service.generate(writer, 'c2', prepared({ continuation: true }))
    await settle()
    expect(backend.cancelled).toEqual([{ runId: 'c1#1', reason: 'abort' }])
  })

  it('tells a queued request it waits for a sequence', async () => {
    const { backend, service } = setup()
    const writer = client('w')
    service.generate(writer, 'r1', prepared())
    await settle()
    backend.last().sink.queued()
    expect(writer.events).toEqual([{ type: 'waiting', requestId: 'r1', reason: 'queued' }])
  })

  it('stops at the first sentence end past a trim-length budget, with the budget as the reason', async () => {
    const { backend, service } = setup()
    const writer = client('w')
    service.generate(writer, 'r1', prepared({ steps: [{ 'trim-length': 4 }] }))
    await settle()
    const { job, sink } = backend.last()
    sink.started(fitted('x'))
    sink.delta('The rain fell. ', 3)
    expect(backend.cancelled).toEqual([])
    sink.delta('It was cold. ', 6)
    expect(backend.cancelled).toEqual([])
    sink.delta('A', 7)
    expect(backend.cancelled).toEqual([{ runId: job.runId, reason: 'budget' }])
    sink.delta('nd', 8)
    sink.done('The rain fell. It was cold. And', stats({ stopReason: 'abort' }))
    expect(writer.events.at(-1)).toMatchObject({
      type: 'done',
      text: 'The rain fell.',
      flags: { truncated: true },
      stats: { stopReason: 'budget' },
    })
  })

  it('says budget when the model ended on its own before the budget stop reached it', async () => {
    const { backend, service } = setup()
    const writer = client('w')
    service.generate(writer, 'r1', prepared({ steps: [{ 'trim-length': 4 }] }))
    await settle()
    const { sink } = backend.last()
    sink.started(fitted('x'))
    sink.delta('The rain fell. It was cold. A', 7)
    expect(backend.cancelled).toHaveLength(1)
    sink.done('The rain fell. It was cold. And then.', stats({ stopReason: 'eos' }))
    expect(writer.events.at(-1)).toMatchObject({
      type: 'done',
      text: 'The rain fell.',
      flags: { truncated: true },
      stats: { stopReason: 'budget' },
    })
  })

  it('retries once in the wrong language with the sent messages made firmer, and starts again', async () => {
    const { backend, service } = setup()
    const writer = client('w')
    service.generate(writer, 'r1', prepared({ steps: ['language-guard'], language: 'zh' }))
    await settle()
    const first = backend.last()
    first.sink.started(fitted('改写：雨'))
    first.sink.delta('The rain is soft.', 4)
    first.sink.done('The rain is soft.', stats())
    expect(types(writer.events)).toEqual(['started', 'delta', 'retry'])
    const second = backend.last()
    expect(second.job.runId).toBe('r1#2')
    expect(second.job.prompt).toMatchObject({
      kind: 'messages',
      system: 'You write warmly.',
      user: expect.stringMatching(/^改写：雨\n\n重要：只用简体中文写作。/),
    })
    second.sink.started(fitted('改写：雨\n\n重要'))
    second.sink.delta('雨很轻。', 3)
    second.sink.done('雨很轻。', stats())
    expect(writer.events.slice(3)).toMatchObject([
      { type: 'started', attempt: 2 },
      { type: 'delta', seq: 0, text: '雨很轻。' },
      { type: 'done', text: '雨很轻。', retried: true },
    ])
  })

  it('keeps the first answer, flagged, when the firmer retry no longer fits the context', async () => {
    const { backend, service } = setup()
    const writer = client('w')
    service.generate(writer, 'r1', prepared({ steps: ['language-guard'], language: 'zh' }))
    await settle()
    const first = backend.last()
    first.sink.started(fitted('改写：雨'))
    first.sink.done('The rain is soft.', stats())
    backend.last().sink.error('context-overflow', 'The prompt is 2051 tokens, more than 2048.', {
      key: 'prompt-too-long',
      params: { promptTokens: 2051, contextSize: 2048 },
    })
    expect(writer.events.at(-1)).toMatchObject({
      type: 'done',
      text: 'The rain is soft.',
      retried: false,
      flags: { languageMismatch: true },
    })
    expect(service.size).toBe(0)
  })

  it('still fails a retry for any other reason', async () => {
    const { backend, service } = setup()
    const writer = client('w')
    service.generate(writer, 'r1', prepared({ steps: ['language-guard'], language: 'zh' }))
    await settle()
    backend.last().sink.started(fitted('改写：雨'))
    backend.last().sink.done('The rain is soft.', stats())
    backend.last().sink.error('generation-failed', 'The model failed.')
    expect(writer.events.at(-1)).toMatchObject({ type: 'error', code: 'generation-failed' })
  })

  it('stops a client’s requests when it goes away and sends it nothing more', async () => {
    const { backend, service } = setup()
    const writer = client('w')
    service.generate(writer, 'r1', prepared())
    await settle()
    const { sink } = backend.last()
    service.closeClient(writer)
    expect(backend.cancelled).toEqual([{ runId: 'r1#1', reason: 'abort' }])
    sink.done('', stats({ stopReason: 'abort' }))
    expect(service.size).toBe(0)
  })

  it('fails every request in flight when the backend is replaced, and ignores its late events', async () => {
    const { backend, service } = setup()
    const writer = client('w')
    service.generate(writer, 'r1', prepared())
    await settle()
    const { sink } = backend.last()
    service.failAll('engine-stopped', 'The engine was switched.')
    sink.delta('late', 1)
    expect(writer.events).toEqual([
      {
        type: 'error',
        requestId: 'r1',
        code: 'engine-stopped',
        message: 'The engine was switched.',
      },
    ])
  })
})

describe('ModelReadiness', () => {
  it('lets a request try a remote server whose last check failed (it may be back)', () => {
    const backend = new FakeBackend(false)
    expect(new ModelReadiness(() => backend.getStatus()).state()).toBe('none')
    expect(
      new ModelReadiness(
        () => backend.getStatus(),
        () => true,
      ).state(),
    ).toBe('ready')
    backend.setStatus({ state: 'loading' })
    expect(
      new ModelReadiness(
        () => backend.getStatus(),
        () => true,
      ).state(),
    ).toBe('loading')
  })
})
