import { describe, expect, it } from 'vitest'
import { pacedFrames } from '../../../../src/renderer/src/editor/plugins/Suggestion/pacedFrames'

/** A clock the test moves by hand: frames run when asked, timers when their time comes. */
function manualClock() {
  let now = 1_000
  let next = 1
  const frames = new Map<number, () => void>()
  const timers = new Map<number, { at: number; callback: () => void }>()
  return {
    now: () => now,
    frame(callback: () => void) {
      frames.set(next, callback)
      return next++
    },
    cancelFrame: (handle: number) => void frames.delete(handle),
    timeout(callback: () => void, ms: number) {
      timers.set(next, { at: now + ms, callback })
      return next++ as unknown as ReturnType<typeof setTimeout>
    },
    cancelTimeout: (handle: ReturnType<typeof setTimeout>) =>
      void timers.delete(handle as unknown as number),
    /** Moves time on, firing due timers, then runs the pending frames. */
    advance(ms: number) {
      now += ms
      for (const [handle, timer] of [...timers])
        if (timer.at <= now) {
          timers.delete(handle)
          timer.callback()
        }
      for (const [handle, callback] of [...frames]) {
        frames.delete(handle)
        callback()
      }
    },
  }
}

describe('a streaming answer rendered at most 20 times a second', () => {
  it('renders in the next frame after a quiet spell, and waits out the rest of 50 ms after a render', () => {
    const clock = manualClock()
    const frames = pacedFrames(50, clock)
    const renders: number[] = []
    frames.request(() => renders.push(clock.now()))
    clock.advance(16)
    expect(renders).toEqual([1_016])
    // The next delta arrives one frame later: it waits until 50 ms after that render.
    frames.request(() => renders.push(clock.now()))
    clock.advance(16)
    expect(renders).toEqual([1_016])
    clock.advance(16)
    expect(renders).toEqual([1_016])
    clock.advance(18)
    expect(renders).toEqual([1_016, 1_066])
  })

  it('cancels a render that is waiting for its time or for its frame', () => {
    const clock = manualClock()
    const frames = pacedFrames(50, clock)
    const renders: string[] = []
    frames.cancel(frames.request(() => renders.push('first')))
    clock.advance(16)
    frames.request(() => renders.push('second'))
    clock.advance(16)
    frames.cancel(frames.request(() => renders.push('third')))
    clock.advance(100)
    expect(renders).toEqual(['second'])
  })
})
