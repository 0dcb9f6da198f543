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
import { createSuggestionSession } from '../../../src/renderer/src/editor/plugins/Suggestion/suggestionSession'
import { createSuggestionStore } from '../../../src/renderer/src/editor/plugins/Suggestion/suggestionStore'
import {
  canAccept,
  shownAlternative,
  visibleText,
  type OpenSuggestion,
  type RunningPrompt,
  type SuggestionState,
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
  const session = createSuggestionSession(host.api, store, frames)
  /** Opens the card with `count` answers; returns their request ids. */
  const open = (count = 1, variables: Record<string, string> = {}): string[] => {
    session.start(prompt, target, variables, count)
    return card(store.get()).alternatives.map((alt) => alt.requestId)
  }
  /** Adds answers (Retry, Write N versions); returns the new ids. */
  const more = (count = 1): string[] => {
    const before = card(store.get()).alternatives.length
    session.more(count)
    return card(store.get())
      .alternatives.slice(before)
      .map((alt) => alt.requestId)
  }
  return { ...host, store, frames, session, open, more }
}

function card(state: SuggestionState): OpenSuggestion {
  if (state.phase !== 'open') throw new Error('the card is not open')
  return state
}
const shown = (state: SuggestionState) => shownAlternative(card(state))

describe('one card, one request', () => {
  it('mints the id before sending, waits, then streams what the model writes', () => {
    const { store, open, emit, generated, frames } = setUp()
    const [id] = open(1, { theme: '秋夜离别' })
    expect(generated).toEqual([
      expect.objectContaining({ requestId: id, variables: { theme: '秋夜离别' } }),
    ])
    // A seed of its own, so a retry is not the same answer again.
    expect(generated[0]?.seed).toEqual(shown(store.get()).seed)
    expect(shown(store.get())).toMatchObject({ phase: 'waiting', reason: 'sending', requestId: id })
    emit({ type: 'waiting', requestId: id!, reason: 'model-loading' })
    expect(shown(store.get())).toMatchObject({ phase: 'waiting', reason: 'model-loading' })
    emit(started(id!))
    emit({ type: 'delta', requestId: id!, seq: 0, text: '秋', tokens: 1 })
    emit({ type: 'delta', requestId: id!, seq: 1, text: '夜', tokens: 2 })
    // Deltas wait for the next frame, then arrive together.
    expect(visibleText(store.get())).toBe('')
    frames.run()
    expect(shown(store.get())).toMatchObject({ phase: 'streaming', raw: '秋夜', tokens: 2 })
    emit(done(id!, '秋夜'))
    expect(shown(store.get())).toMatchObject({ phase: 'done' })
    expect(card(store.get()).variables).toEqual({ theme: '秋夜离别' })
  })

  it('a new card cancels the old one’s request and follows only its own to the end', () => {
    const { store, open, emit, cancelled, frames } = setUp()
    const [first] = open()
    const [second] = open()
    expect(second).not.toBe(first)
    expect(cancelled).toEqual([first])
    expect(card(store.get()).alternatives).toHaveLength(1)
    // The first request's last words and its end change nothing.
    emit({ type: 'delta', requestId: first!, seq: 0, text: 'old', tokens: 1 })
    emit(done(first!, 'old', 'abort'))
    frames.run()
    expect(shown(store.get())).toMatchObject({ phase: 'waiting', requestId: second })
    emit(started(second!))
    emit({ type: 'delta', requestId: second!, seq: 0, text: 'new', tokens: 1 })
    emit(done(second!, 'new'))
    expect(visibleText(store.get())).toBe('new')
  })

  it('Stop right after the action cancels that very request, before the host answered', () => {
    const { store, open, session, emit, cancelled, generated } = setUp()
    const [id] = open()
    session.cancelAllBut(null)
    expect(cancelled).toEqual([id])
    expect(generated[0]?.requestId).toBe(id)
    emit(done(id!, '', 'abort'))
    expect(shown(store.get())).toMatchObject({
      phase: 'done',
      result: { stats: { stopReason: 'abort' } },
    })
  })

  it('keeps the latest started event for Show prompt: the second attempt after a retry', () => {
    const { store, open, emit, frames } = setUp()
    const [id] = open()
    emit(started(id!, 1, 'first'))
    emit({ type: 'delta', requestId: id!, seq: 0, text: 'wrong language', tokens: 2 })
    emit({ type: 'retry', requestId: id!, reason: 'language' })
    frames.run()
    expect(shown(store.get())).toMatchObject({ phase: 'streaming', raw: '', retrying: true })
    emit(started(id!, 2, 'second'))
    expect(shown(store.get()).sent?.messages[1]?.content).toBe('second')
    expect(shown(store.get()).sent?.attempt).toBe(2)
  })

  it('shows a refused request as an error with its code (no model: the card offers Models)', async () => {
    const { store, open } = setUp({ reject: new QuireError('no-model', 'No model is loaded.') })
    const [id] = open()
    await Promise.resolve()
    await Promise.resolve()
    expect(shown(store.get())).toMatchObject({ phase: 'error', code: 'no-model', requestId: id })
  })

  it('an error event ends the answer in the error phase with the host’s message', () => {
    const { store, open, emit } = setUp()
    const [id] = open()
    emit({ type: 'error', requestId: id!, code: 'context-overflow', message: 'Too long.' })
    expect(shown(store.get())).toMatchObject({
      phase: 'error',
      code: 'context-overflow',
      message: 'Too long.',
    })
  })

  it('a refused Accept keeps the answer on the card, and Retry starts clean', () => {
    const { store, open, more, emit } = setUp()
    const [id] = open(1, { theme: '秋夜离别' })
    emit(done(id!, '秋夜'))
    store.dispatch({ type: 'refused' })
    expect(card(store.get()).refused).toBe(true)
    expect(canAccept(store.get())).toBe(false)
    expect(visibleText(store.get())).toBe('秋夜')
    const [again] = more()
    expect(shown(store.get())).toMatchObject({ phase: 'waiting', requestId: again })
    expect(card(store.get()).refused).toBe(false)
  })

  it('dispose cancels a running request and stops listening', () => {
    const { open, session, cancelled, listeners } = setUp()
    const [id] = open()
    session.dispose()
    expect(cancelled).toEqual([id])
    expect(listeners.size).toBe(0)
  })
})

describe('alternatives for one passage', () => {
  it('Retry keeps the first answer: 2/2 shows the new one, stepping back shows the first', () => {
    const { store, open, more, emit } = setUp()
    const [first] = open()
    emit(done(first!, 'first answer'))
    const [second] = more()
    expect(card(store.get())).toMatchObject({ shown: 1, versions: null })
    expect(card(store.get()).alternatives).toHaveLength(2)
    emit(started(second!, 1, 'second prompt'))
    emit(done(second!, 'second answer'))
    expect(visibleText(store.get())).toBe('second answer')
    store.dispatch({ type: 'step', by: -1 })
    expect(visibleText(store.get())).toBe('first answer')
    // Stepping past either end stays at the end.
    store.dispatch({ type: 'step', by: -1 })
    expect(card(store.get()).shown).toBe(0)
    store.dispatch({ type: 'step', by: 1 })
    store.dispatch({ type: 'step', by: 1 })
    expect(card(store.get()).shown).toBe(1)
    expect(visibleText(store.get())).toBe('second answer')
  })

  it('an answer still streaming never blocks browsing, and keeps streaming out of sight', () => {
    const { store, open, more, emit, frames, cancelled } = setUp()
    const [first] = open()
    emit(done(first!, 'first answer'))
    const [second] = more()
    // Retry does not cancel the answers already there.
    expect(cancelled).toEqual([])
    emit(started(second!))
    store.dispatch({ type: 'step', by: -1 })
    expect(canAccept(store.get())).toBe(true)
    emit({ type: 'delta', requestId: second!, seq: 0, text: 'still ', tokens: 1 })
    emit({ type: 'delta', requestId: second!, seq: 1, text: 'writing', tokens: 2 })
    frames.run()
    expect(visibleText(store.get())).toBe('first answer')
    expect(card(store.get()).alternatives[1]).toMatchObject({
      phase: 'streaming',
      raw: 'still writing',
    })
  })

  it('each answer keeps its own started messages for Show prompt', () => {
    const { store, open, more, emit } = setUp()
    const [first] = open()
    emit(started(first!, 1, 'prompt of the first'))
    emit(done(first!, 'one'))
    const [second] = more()
    emit(started(second!, 1, 'prompt of the second'))
    expect(shown(store.get()).sent?.messages[1]?.content).toBe('prompt of the second')
    store.dispatch({ type: 'step', by: -1 })
    expect(shown(store.get()).sent?.messages[1]?.content).toBe('prompt of the first')
  })

  it('Write 3 versions sends three requests at once with different seeds, shown together', () => {
    const { store, open, generated, emit, frames } = setUp()
    const ids = open(3)
    expect(generated.map((call) => call.requestId)).toEqual(ids)
    expect(new Set(generated.map((call) => call.seed)).size).toBe(3)
    expect(card(store.get())).toMatchObject({ shown: 0, versions: { from: 0, count: 3 } })
    // Their deltas interleave; each goes to its own answer.
    for (const [index, id] of ids.entries()) {
      emit(started(id))
      emit({ type: 'delta', requestId: id, seq: 0, text: `version ${index + 1}`, tokens: 2 })
    }
    frames.run()
    expect(card(store.get()).alternatives.map((alt) => alt.raw)).toEqual([
      'version 1',
      'version 2',
      'version 3',
    ])
    emit(done(ids[1]!, 'version 2'))
    store.dispatch({ type: 'show', index: 1 })
    expect(canAccept(store.get())).toBe(true)
    expect(visibleText(store.get())).toBe('version 2')
    // Showing another answer of the versions keeps them together.
    expect(card(store.get()).versions).toEqual({ from: 0, count: 3 })
  })

  it('versions added to an answer are shown side by side; stepping back to the first shows one at a time', () => {
    const { store, open, more, emit } = setUp()
    const [first] = open()
    emit(done(first!, 'first'))
    const [a, b] = more(2)
    expect(card(store.get())).toMatchObject({ shown: 1, versions: { from: 1, count: 2 } })
    emit(done(a!, 'a'))
    emit(done(b!, 'b'))
    store.dispatch({ type: 'show', index: 2 })
    expect(visibleText(store.get())).toBe('b')
    store.dispatch({ type: 'step', by: -1 })
    store.dispatch({ type: 'step', by: -1 })
    expect(card(store.get())).toMatchObject({ shown: 0, versions: null })
    expect(visibleText(store.get())).toBe('first')
  })

  it('Accept is offered only for a finished answer with text; Stop cancels every running one', () => {
    const { store, open, session, emit, cancelled } = setUp()
    const ids = open(2)
    expect(canAccept(store.get())).toBe(false)
    emit(done(ids[0]!, '  '))
    expect(canAccept(store.get())).toBe(false)
    session.cancelAllBut(null)
    expect(cancelled).toEqual([ids[1]])
  })
})
