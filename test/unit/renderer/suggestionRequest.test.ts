import { describe, expect, it } from 'vitest'
import {
  QuireError,
  emptyStats,
  type DoneEvent,
  type GenerateCall,
  type QuireApi,
  type QuireEvent,
  type StartedEvent,
} from '@shared/contract'
import { createGenerationClient } from '../../../src/renderer/src/editor/plugins/Suggestion/generationClient'
import { createSuggestionStore } from '../../../src/renderer/src/editor/plugins/Suggestion/suggestionStore'
import {
  visibleText,
  type RunningPrompt,
} from '../../../src/renderer/src/editor/plugins/Suggestion/suggestionState'
import type { SuggestionTarget } from '../../../src/renderer/src/editor/plugins/Suggestion/target'
import { samplingValuesSchema } from '@shared/presets/schema'

const prompt: RunningPrompt = {
  id: 'poem.free-verse',
  title: 'Free verse',
  kind: 'poem',
  apply: 'insert-after',
  postprocess: [],
}
const target: SuggestionTarget = { markId: 'mark-1', text: 'A passage.', before: '', after: '' }

/** A host that records calls and lets the test send events, like the WebSocket client does. */
function fakeHost(options: { reject?: QuireError } = {}) {
  const listeners = new Set<(event: QuireEvent) => void>()
  const generated: GenerateCall[] = []
  const cancelled: string[] = []
  const api = {
    onEvent(listener: (event: QuireEvent) => void) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    generate(call: GenerateCall) {
      generated.push(call)
      return options.reject
        ? Promise.reject(options.reject)
        : Promise.resolve({ requestId: call.requestId })
    },
    cancel({ requestId }: { requestId: string }) {
      cancelled.push(requestId)
      return Promise.resolve({ cancelled: true })
    },
  } as unknown as QuireApi
  const emit = (event: QuireEvent): void => listeners.forEach((listener) => listener(event))
  return { api, emit, generated, cancelled, listeners }
}

/** Animation frames the test runs by hand. */
function manualFrames() {
  const queued = new Map<number, () => void>()
  let next = 1
  return {
    request(callback: () => void) {
      queued.set(next, callback)
      return next++
    },
    cancel(handle: number) {
      queued.delete(handle)
    },
    run() {
      const callbacks = [...queued.values()]
      queued.clear()
      callbacks.forEach((callback) => callback())
    },
  }
}

const started = (requestId: string, attempt = 1, user = 'Write about 秋夜离别'): StartedEvent => ({
  type: 'started',
  requestId,
  attempt,
  messages: [
    { role: 'system', content: 'You are Quire.' },
    { role: 'user', content: user },
  ],
  sampling: samplingValuesSchema.parse({
    temperature: 0.8,
    topP: 0.9,
    topK: 50,
    repeatPenalty: 1.1,
    maxTokens: 64,
  }),
  maxTokens: 64,
  seed: null,
  model: 'tiny',
  trimmedBefore: false,
})

const done = (requestId: string, text: string, stopReason: 'eos' | 'abort' = 'eos'): DoneEvent => ({
  type: 'done',
  requestId,
  text,
  raw: text,
  changes: [],
  flags: { languageMismatch: false, keptRaw: false, truncated: false },
  retried: false,
  stats: emptyStats(stopReason),
})

function setUp(options: { reject?: QuireError } = {}) {
  const host = fakeHost(options)
  const store = createSuggestionStore()
  const frames = manualFrames()
  const client = createGenerationClient(host.api, store.dispatch, frames)
  const run = (variables: Record<string, string> = {}): string =>
    client.run({ promptId: prompt.id, selection: target.text, variables }, (requestId) =>
      store.dispatch({ type: 'start', requestId, prompt, target, variables }),
    )
  return { ...host, store, frames, client, run }
}

describe('one card, one request', () => {
  it('mints the id before sending, waits, then streams what the model writes', () => {
    const { store, run, emit, generated, frames } = setUp()
    const id = run({ theme: '秋夜离别' })
    expect(generated).toEqual([
      expect.objectContaining({ requestId: id, variables: { theme: '秋夜离别' } }),
    ])
    expect(store.get()).toMatchObject({ phase: 'waiting', reason: 'sending', requestId: id })
    emit({ type: 'waiting', requestId: id, reason: 'model-loading' })
    expect(store.get()).toMatchObject({ phase: 'waiting', reason: 'model-loading' })
    emit(started(id))
    emit({ type: 'delta', requestId: id, seq: 0, text: '秋', tokens: 1 })
    emit({ type: 'delta', requestId: id, seq: 1, text: '夜', tokens: 2 })
    // Deltas wait for the next frame, then arrive together.
    expect(visibleText(store.get())).toBe('')
    frames.run()
    expect(store.get()).toMatchObject({ phase: 'streaming', raw: '秋夜', tokens: 2 })
    emit(done(id, '秋夜'))
    expect(store.get()).toMatchObject({ phase: 'done', variables: { theme: '秋夜离别' } })
  })

  it('a second action cancels the first and the card follows only the second to its end', () => {
    const { store, run, emit, cancelled, frames } = setUp()
    const first = run()
    const second = run()
    expect(second).not.toBe(first)
    expect(cancelled).toEqual([first])
    // The first request's last words and its end change nothing.
    emit({ type: 'delta', requestId: first, seq: 0, text: 'old', tokens: 1 })
    emit(done(first, 'old', 'abort'))
    frames.run()
    expect(store.get()).toMatchObject({ phase: 'waiting', requestId: second })
    emit(started(second))
    emit({ type: 'delta', requestId: second, seq: 0, text: 'new', tokens: 1 })
    emit(done(second, 'new'))
    expect(store.get()).toMatchObject({ phase: 'done', requestId: second })
    expect(visibleText(store.get())).toBe('new')
  })

  it('Stop right after the action cancels that very request, before the host answered', () => {
    const { store, run, client, emit, cancelled, generated } = setUp()
    const id = run()
    client.cancel()
    expect(cancelled).toEqual([id])
    expect(generated[0]?.requestId).toBe(id)
    emit(done(id, '', 'abort'))
    expect(store.get()).toMatchObject({ phase: 'done', result: { stats: { stopReason: 'abort' } } })
  })

  it('keeps the latest started event for Show prompt: the second attempt after a retry', () => {
    const { store, run, emit, frames } = setUp()
    const id = run()
    emit(started(id, 1, 'first'))
    emit({ type: 'delta', requestId: id, seq: 0, text: 'wrong language', tokens: 2 })
    emit({ type: 'retry', requestId: id, reason: 'language' })
    frames.run()
    expect(store.get()).toMatchObject({ phase: 'streaming', raw: '', retrying: true })
    emit(started(id, 2, 'second'))
    const state = store.get()
    expect(state.phase !== 'idle' && state.sent?.messages[1]?.content).toBe('second')
    expect(state.phase !== 'idle' && state.sent?.attempt).toBe(2)
  })

  it('shows a refused request as an error with its code (no model: the card offers Models)', async () => {
    const { store, run } = setUp({ reject: new QuireError('no-model', 'No model is loaded.') })
    const id = run()
    await Promise.resolve()
    await Promise.resolve()
    expect(store.get()).toMatchObject({ phase: 'error', code: 'no-model', requestId: id })
  })

  it('an error event ends the card in the error phase with the host’s message', () => {
    const { store, run, emit } = setUp()
    const id = run()
    emit({ type: 'error', requestId: id, code: 'context-overflow', message: 'Too long.' })
    expect(store.get()).toMatchObject({
      phase: 'error',
      code: 'context-overflow',
      message: 'Too long.',
    })
  })

  it('a refused Accept keeps the answer on the card, and Retry starts clean', () => {
    const { store, run, emit } = setUp()
    const id = run({ theme: '秋夜离别' })
    emit(done(id, '秋夜'))
    store.dispatch({ type: 'refused' })
    expect(store.get()).toMatchObject({ phase: 'done', refused: true })
    expect(visibleText(store.get())).toBe('秋夜')
    const again = run({ theme: '秋夜离别' })
    expect(store.get()).toMatchObject({ phase: 'waiting', requestId: again })
    expect('refused' in store.get()).toBe(false)
  })

  it('dispose cancels a running request and stops listening', () => {
    const { run, client, cancelled, listeners } = setUp()
    const id = run()
    client.dispose()
    expect(cancelled).toEqual([id])
    expect(listeners.size).toBe(0)
  })
})
