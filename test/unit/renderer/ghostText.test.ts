import { describe, expect, it } from 'vitest'
import { emptyStats, type DoneEvent } from '@shared/contract'
import {
  ghostNextWord,
  ghostReducer,
  ghostRemaining,
  idleGhost,
  type GhostAction,
  type GhostState,
} from '../../../src/renderer/src/editor/plugins/GhostText/ghostState'
import type { RunningPrompt } from '../../../src/renderer/src/editor/plugins/Suggestion/suggestionState'

const prompt: RunningPrompt = {
  id: 'continue.sentence',
  title: 'Next sentence',
  kind: 'continue',
  apply: 'insert-after',
  postprocess: [],
}
const anchor = { key: '7', offset: 12, type: 'text' as const }

const done = (requestId: string, text: string): GhostAction => ({
  type: 'event',
  event: doneEvent(requestId, text),
})
const doneEvent = (requestId: string, text: string): DoneEvent => ({
  type: 'done',
  requestId,
  text,
  raw: text,
  changes: [],
  flags: { languageMismatch: false, keptRaw: false, truncated: false },
  retried: false,
  stats: emptyStats('eos'),
})

function run(textBefore: string, ...actions: GhostAction[]): GhostState {
  const opened = ghostReducer(idleGhost, {
    type: 'open',
    requestId: 'r1',
    seed: 1,
    prompt,
    anchor,
    textBefore,
  })
  return actions.reduce(ghostReducer, opened)
}

describe('ghost text', () => {
  it('shows what streams in, and joins an English continuation with a space', () => {
    const streaming = run('She opened the door', {
      type: 'deltas',
      requestId: 'r1',
      text: 'Rain came',
      tokens: 2,
    })
    expect(ghostRemaining(streaming)).toBe(' Rain came')
    expect(
      ghostRemaining(run('她推开门。', { type: 'deltas', requestId: 'r1', text: '雨', tokens: 1 })),
    ).toBe('雨')
    // Nothing to add after a space the writer typed, and the model's opening blank line goes.
    expect(ghostRemaining(run('The door ', done('r1', '\n\nopened.')))).toBe('opened.')
  })

  it('ignores another request’s events', () => {
    const state = run('Text', { type: 'deltas', requestId: 'other', text: 'no', tokens: 1 })
    expect(ghostRemaining(state)).toBe('')
  })

  it('takes word by word: the next word, then what is left after it, until nothing is', () => {
    let state = run('She opened the door', done('r1', 'Rain came in.'))
    const first = ghostNextWord(state)
    expect(first).toBe(' Rain')
    const moved = { key: '7', offset: 17, type: 'text' as const }
    state = ghostReducer(state, { type: 'took', count: first.length, anchor: moved })
    expect(ghostRemaining(state)).toBe(' came in.')
    expect(state.phase === 'open' && state.anchor).toEqual(moved)
    state = ghostReducer(state, { type: 'took', count: ' came in.'.length, anchor: moved })
    expect(ghostRemaining(state)).toBe('')
  })

  it('takes a Chinese continuation a word at a time, as the segmenter finds words', () => {
    const state = run('秋天的风吹过老街。', done('r1', '落叶铺满了石板路。'))
    const word = ghostNextWord(state)
    expect('落叶铺满了石板路。'.startsWith(word)).toBe(true)
    expect(word.length).toBeGreaterThanOrEqual(1)
    expect(word.length).toBeLessThan('落叶铺满了石板路。'.length)
  })

  it('a failed request leaves nothing to take; dismiss closes it', () => {
    const failed = run('Text', {
      type: 'failed',
      requestId: 'r1',
      code: 'no-model',
      message: 'No model.',
    })
    expect(failed.phase === 'open' && failed.answer.phase).toBe('error')
    expect(ghostRemaining(failed)).toBe('')
    expect(ghostReducer(failed, { type: 'dismiss' })).toEqual(idleGhost)
  })
})
