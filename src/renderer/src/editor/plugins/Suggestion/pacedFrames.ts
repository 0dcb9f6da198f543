/** Where a stream's gathered deltas wait for their render. */
export type Frames = {
  request(callback: () => void): number
  cancel(handle: number): void
}

/** The least time between two renders of a streaming answer. */
export const STREAM_RENDER_INTERVAL_MS = 50

type Clock = {
  now(): number
  frame(callback: () => void): number
  cancelFrame(handle: number): void
  timeout(callback: () => void, ms: number): ReturnType<typeof setTimeout>
  cancelTimeout(handle: ReturnType<typeof setTimeout>): void
}

const browserClock: Clock = {
  now: () => performance.now(),
  frame: (callback) => requestAnimationFrame(callback),
  cancelFrame: (handle) => cancelAnimationFrame(handle),
  timeout: (callback, ms) => setTimeout(callback, ms),
  cancelTimeout: (handle) => clearTimeout(handle),
}

/**
 * Animation frames at most every `interval` ms. Each render of a streaming card costs the page
 * a frame that lays out, and with a long document open Chromium then re-checks which of its
 * blocks are in sight, all of them (content-visibility): at 20 renders a second instead of 60 a
 * fast model's answer still reads as a stream and costs a third as many such frames.
 */
export function pacedFrames(interval = STREAM_RENDER_INTERVAL_MS, clock = browserClock): Frames {
  let last = -Infinity
  let nextHandle = 1
  const waiting = new Map<number, { timer?: ReturnType<typeof setTimeout>; frame?: number }>()
  const inFrame = (handle: number, callback: () => void): void => {
    const entry = waiting.get(handle)
    if (!entry) return
    entry.timer = undefined
    entry.frame = clock.frame(() => {
      waiting.delete(handle)
      last = clock.now()
      callback()
    })
  }
  return {
    request(callback) {
      const handle = nextHandle++
      waiting.set(handle, {})
      const wait = last + interval - clock.now()
      if (wait <= 0) inFrame(handle, callback)
      else {
        const entry = waiting.get(handle)
        if (entry) entry.timer = clock.timeout(() => inFrame(handle, callback), wait)
      }
      return handle
    },
    cancel(handle) {
      const entry = waiting.get(handle)
      if (!entry) return
      waiting.delete(handle)
      if (entry.timer !== undefined) clock.cancelTimeout(entry.timer)
      if (entry.frame !== undefined) clock.cancelFrame(entry.frame)
    },
  }
}
