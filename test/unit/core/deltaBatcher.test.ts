import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { deltaBatcher } from '@core/engine/worker/deltaBatcher'

describe('deltaBatcher', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setImmediate', 'setTimeout'] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('posts the first piece at once, without waiting for the event loop to turn', () => {
    const posted: [string, number][] = []
    const deltas = deltaBatcher((text, tokens) => posted.push([text, tokens]))
    deltas.add('The', 1)
    // No timer has run: the first token reaches the writer in the same turn it was made.
    expect(posted).toEqual([['The', 1]])
  })

  it('holds later pieces of one turn and posts them together once the loop turns', () => {
    const posted: [string, number][] = []
    const deltas = deltaBatcher((text, tokens) => posted.push([text, tokens]))
    deltas.add('The', 1)
    deltas.add(' lamps', 2)
    deltas.add(' came', 3)
    expect(posted).toEqual([['The', 1]])
    vi.runAllTimers()
    expect(posted).toEqual([
      ['The', 1],
      [' lamps came', 3],
    ])
    deltas.add(' on', 4)
    expect(posted).toHaveLength(2)
    vi.runAllTimers()
    expect(posted.at(-1)).toEqual([' on', 4])
  })

  it('flush posts what is held before the run ends, and nothing twice', () => {
    const posted: [string, number][] = []
    const deltas = deltaBatcher((text, tokens) => posted.push([text, tokens]))
    deltas.add('a', 1)
    deltas.add('b', 2)
    deltas.flush()
    expect(posted).toEqual([
      ['a', 1],
      ['b', 2],
    ])
    vi.runAllTimers()
    deltas.flush()
    expect(posted).toHaveLength(2)
  })

  it('each run starts with a first piece of its own', () => {
    const posted: string[] = []
    const first = deltaBatcher((text) => posted.push(`1:${text}`))
    const second = deltaBatcher((text) => posted.push(`2:${text}`))
    first.add('x', 1)
    second.add('y', 1)
    expect(posted).toEqual(['1:x', '2:y'])
  })
})
