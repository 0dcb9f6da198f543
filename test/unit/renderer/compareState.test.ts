import { describe, expect, it } from 'vitest'
import { emptyStats, type GenerationEvent } from '@shared/contract'
import {
  canVote,
  compareReducer,
  revealed,
  shownOrder,
  type CompareState,
  type OpenComparison,
} from '../../../src/renderer/src/compare/compareState'
import {
  challengerOverrides,
  challengers,
  defaultChallenger,
} from '../../../src/renderer/src/compare/challengers'

const start = (shownFirst: 'a' | 'b'): OpenComparison =>
  compareReducer(
    { phase: 'idle' },
    {
      type: 'start',
      prompt: { id: 'rewrite.lyrical', title: 'Lyrical', apply: 'replace', postprocess: [] },
      target: { markId: 'm', text: 'rain', before: '', after: '' },
      contenders: {
        a: { label: 'Current', overrides: {} },
        b: { label: 'Wild', overrides: { preset: 'wild' } },
      },
      requestIds: { a: 'req-a', b: 'req-b' },
      shownFirst,
      voteId: 'vote-1',
    },
  ) as OpenComparison

const done = (requestId: string, text: string): GenerationEvent => ({
  type: 'done',
  requestId,
  text,
  raw: text,
  changes: [],
  flags: { languageMismatch: false, keptRaw: false, truncated: false },
  retried: false,
  stats: emptyStats('eos'),
})

const apply = (state: CompareState, ...events: GenerationEvent[]) =>
  events.reduce((s, event) => compareReducer(s, { type: 'event', event }), state) as OpenComparison

describe('the Compare panel’s state', () => {
  it('shows the sides in the drawn order', () => {
    expect(shownOrder(start('a'))).toEqual(['a', 'b'])
    expect(shownOrder(start('b'))).toEqual(['b', 'a'])
  })

  it('routes each stream to its own side and ignores other requests', () => {
    const state = apply(
      start('a'),
      { type: 'delta', requestId: 'req-b', seq: 0, text: 'Wild ', tokens: 1 },
      { type: 'delta', requestId: 'req-a', seq: 0, text: 'Calm', tokens: 1 },
      { type: 'delta', requestId: 'someone-else', seq: 0, text: 'X', tokens: 1 },
      { type: 'delta', requestId: 'req-b', seq: 1, text: 'rain', tokens: 2 },
    )
    expect(state.answers.a).toMatchObject({ phase: 'streaming', text: 'Calm' })
    expect(state.answers.b).toMatchObject({ phase: 'streaming', text: 'Wild rain' })
    expect(canVote(state)).toBe(false)
  })

  it('lets the writer vote once both answers are in, and reveals labels only once the vote is stored', () => {
    let state = apply(start('b'), done('req-a', 'Calm rain.'), done('req-b', 'Wild rain!'))
    expect(canVote(state)).toBe(true)
    expect(revealed(state)).toBe(false)
    state = compareReducer(state, { type: 'vote', choice: 'b' }) as OpenComparison
    expect(revealed(state)).toBe(false)
    state = compareReducer(state, { type: 'voted' }) as OpenComparison
    expect(revealed(state)).toBe(true)
    // Voting again keeps the same vote id, so the store replaces the first vote.
    state = compareReducer(state, { type: 'vote', choice: 'tie' }) as OpenComparison
    expect(state.vote).toMatchObject({ voteId: 'vote-1', choice: 'tie', saving: true })
  })

  it('keeps labels hidden when the vote could not be stored, and says why', () => {
    let state = apply(start('a'), done('req-a', 'A'), done('req-b', 'B'))
    state = compareReducer(state, { type: 'vote', choice: 'a' }) as OpenComparison
    state = compareReducer(state, { type: 'vote-failed', message: 'disk full' }) as OpenComparison
    expect(revealed(state)).toBe(false)
    expect(state.vote.error).toBe('disk full')
  })

  it('does not offer a vote when one answer failed', () => {
    const state = apply(start('a'), done('req-a', 'A'), {
      type: 'error',
      requestId: 'req-b',
      code: 'no-model',
      message: 'No model is loaded.',
    })
    expect(state.answers.b).toMatchObject({
      phase: 'error',
      error: { message: 'No model is loaded.' },
    })
    expect(canVote(state)).toBe(false)
  })
})

describe('what Compare tries against the action', () => {
  const presets = [
    { id: 'precise', title: 'Precise' },
    { id: 'creative', title: 'Creative' },
    { id: 'wild', title: 'Wild' },
  ]
  const personas = [
    { id: 'default', title: 'Default' },
    { id: 'poet', title: 'Poet' },
  ]
  const prompts = [
    { id: 'rewrite.lyrical', title: 'Lyrical' },
    { id: 'rewrite.lyrical-2', title: 'Lyrical, my version' },
    { id: 'rewrite.lyrically', title: 'Not a version' },
  ]
  const options = challengers(
    { id: 'rewrite.lyrical', preset: 'creative', persona: 'default' },
    presets,
    personas,
    prompts,
  )

  it('offers the writer’s prompt versions, the other presets and personas and a few temperatures, never the current ones', () => {
    expect(options.map((o) => o.key)).toEqual([
      'prompt:rewrite.lyrical-2',
      'preset:precise',
      'preset:wild',
      'persona:poet',
      'temperature:0.5',
      'temperature:0.7',
      'temperature:1',
      'temperature:1.2',
    ])
  })

  it('starts from the writer’s last choice for the action, else one preset up', () => {
    expect(defaultChallenger(options, 'creative', null)?.key).toBe('preset:wild')
    expect(defaultChallenger(options, 'creative', 'persona:poet')?.key).toBe('persona:poet')
    expect(defaultChallenger(options, 'creative', 'preset:gone')?.key).toBe('preset:wild')
  })

  it('turns a choice into the overrides the request carries', () => {
    const [version, precise, , poet, cool] = options
    expect(challengerOverrides(version!, 'Say it: {{selection}}')).toEqual({
      template: { body: 'Say it: {{selection}}' },
    })
    expect(challengerOverrides(precise!)).toEqual({ preset: 'precise' })
    expect(challengerOverrides(poet!)).toEqual({ persona: 'poet' })
    expect(challengerOverrides(cool!)).toEqual({ sampling: { temperature: 0.5 } })
  })
})
