import { describe, expect, it } from 'vitest'
import { emptyStats, type DoneEvent } from '@shared/contract'
import {
  isSettled,
  newSampleSet,
  orderedSamples,
  sampleSetReducer,
  type SampleAction,
  type SampleSet,
} from '../../../../src/renderer/src/bestOf/sampleSet'

const scoring = {
  checks: { maxChars: 20, language: 'zh' as const },
  input: '公园里很安静。',
  language: 'zh' as const,
}
const done = (requestId: string, text: string): SampleAction => ({
  type: 'event',
  event: {
    type: 'done',
    requestId,
    text,
    raw: text,
    changes: [],
    flags: { languageMismatch: false, keptRaw: false, truncated: false },
    retried: false,
    stats: { ...emptyStats('eos'), generatedTokens: 5 },
  } satisfies DoneEvent,
})
const run = (set: SampleSet, actions: SampleAction[]) => actions.reduce(sampleSetReducer, set)

describe('a Best of N sample set', () => {
  const fresh = newSampleSet(
    [
      { requestId: 'a', seed: 1 },
      { requestId: 'b', seed: 2 },
      { requestId: 'c', seed: 3 },
    ],
    scoring,
  )

  it('streams each sample by its own id and keeps the started order while any still runs', () => {
    const set = run(fresh, [
      { type: 'deltas', requestId: 'b', text: '湖', tokens: 1 },
      { type: 'event', event: { type: 'delta', requestId: 'b', seq: 1, text: '边', tokens: 2 } },
      done('c', '公园里很安静。'),
      { type: 'deltas', requestId: 'other', text: 'x', tokens: 1 },
    ])
    expect(set.samples.map((s) => [s.phase, s.text])).toEqual([
      ['waiting', ''],
      ['streaming', '湖边'],
      ['done', '公园里很安静。'],
    ])
    expect(isSettled(set)).toBe(false)
    expect(orderedSamples(set).map((s) => s.requestId)).toEqual(['a', 'b', 'c'])
  })

  it('once all have ended, shows the best first and failures last, each scored by the prompt’s checks', () => {
    const set = run(fresh, [
      { type: 'failed', requestId: 'a', code: 'engine-stopped', message: 'gone' },
      done('b', 'The lake was still.'),
      done('c', '湖面上有风筝的影子。'),
    ])
    expect(isSettled(set)).toBe(true)
    expect(orderedSamples(set).map((s) => s.requestId)).toEqual(['c', 'b', 'a'])
    const [best, english] = orderedSamples(set)
    expect(best?.score?.compliance).toBe(1)
    expect(english?.score?.checks.find((c) => c.check === 'language')?.pass).toBe(false)
    // A late event for an ended sample changes nothing.
    expect(sampleSetReducer(set, done('b', 'again'))).toBe(set)
  })

  it('a language retry starts the text over', () => {
    const set = run(fresh, [
      { type: 'deltas', requestId: 'a', text: 'English', tokens: 1 },
      { type: 'event', event: { type: 'retry', requestId: 'a', reason: 'language' } },
    ])
    expect(set.samples[0]?.text).toBe('')
  })
})
