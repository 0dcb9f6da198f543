import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { deltaBatcher, type BatcherClock } from '@core/engine/worker/deltaBatcher'

// Fake timers drive setImmediate, setTimeout and Date.now together.
const clock: BatcherClock = {
  now: () => Date.now(),
  defer: (callback) => setImmediate(callback),
  later: (callback, ms) => setTimeout(callback, ms),
  cancel: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

function recorder(everyMs = 16) {
  const posted: [string, number][] = []
  const deltas = deltaBatcher((text, tokens) => posted.push([text, tokens]), everyMs, clock)
  return { posted, deltas }
}

describe('deltaBatcher', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setImmediate', 'setTimeout', 'clearTimeout', 'Date'] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('posts the first piece at once, without waiting for a timer or the event loop', () => {
    const { posted, deltas } = recorder()
    deltas.add('The', 1)
    expect(posted).toEqual([['The', 1]])
  })

  it('sends the pieces of one frame as one message, one frame after the last', () => {
    const { posted, deltas } = recorder()
    deltas.add('The', 1)
    vi.advanceTimersByTime(5)
    deltas.add(' lamps', 2)
    vi.advanceTimersByTime(5)
    deltas.add(' came', 3)
    expect(posted).toHaveLength(1)
    vi.advanceTimersByTime(5)
    expect(posted).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(posted).toEqual([
      ['The', 1],
      [' lamps came', 3],
    ])
  })

  it('a piece after a quiet frame goes once the event loop turns, not a frame later', () => {
    const { posted, deltas } = recorder()
    deltas.add('The', 1)
    vi.advanceTimersByTime(40)
    deltas.add(' lamps', 2)
    expect(posted).toHaveLength(1)
    vi.advanceTimersByTime(0)
    expect(posted.at(-1)).toEqual([' lamps', 2])
  })

  it('flush posts what is held before the run ends, and nothing twice', () => {
    const { posted, deltas } = recorder()
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
    const first = deltaBatcher((text) => posted.push(`1:${text}`), 16, clock)
    const second = deltaBatcher((text) => posted.push(`2:${text}`), 16, clock)
    first.add('x', 1)
    second.add('y', 1)
    expect(posted).toEqual(['1:x', '2:y'])
  })
})
