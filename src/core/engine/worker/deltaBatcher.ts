/** Collects a run's pieces of text and posts them to the host. */
export type DeltaBatcher = {
  /** A piece of the answer and the tokens generated so far. */
  add(text: string, tokens: number): void
  /** Posts what is held now (before the run's last message). */
  flush(): void
}

/** How the batcher waits; real timers unless a test brings its own. */
export type BatcherClock = {
  now: () => number
  /** Runs a callback once the event loop has turned (setImmediate). */
  defer: (callback: () => void) => void
  /** Runs a callback after `ms` (setTimeout); returns what `cancel` takes. */
  later: (callback: () => void, ms: number) => unknown
  cancel: (handle: unknown) => void
}

/** One frame of a 60 Hz screen: no window shows text more often, so sending more only costs CPU. */
export const DELTA_INTERVAL_MS = 16

const realClock: BatcherClock = {
  now: () => performance.now(),
  defer: (callback) => setImmediate(callback),
  later: (callback, ms) => setTimeout(callback, ms),
  cancel: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

/**
 * The first piece of a run is posted at once: the writer waits for it. Later pieces go at most
 * once a frame (`everyMs`), several tokens to a message when the model is fast: every message
 * costs the host and each client a wake-up and a socket write, whatever its size (measured on
 * the bench machine: about 0.5 ms of the host's CPU per message, mostly the write). When a frame
 * has passed already, held text goes once the event loop turns, by which time the generation
 * loop has handed the next token to llama.cpp: the send overlaps that token's work.
 */
export function deltaBatcher(
  post: (text: string, tokens: number) => void,
  everyMs = DELTA_INTERVAL_MS,
  clock: BatcherClock = realClock,
): DeltaBatcher {
  let text = ''
  let tokens = 0
  let lastPostAt = Number.NEGATIVE_INFINITY
  let scheduled = false
  let timer: unknown = null
  const flush = (): void => {
    scheduled = false
    if (timer !== null) clock.cancel(timer)
    timer = null
    if (text === '') return
    const held = text
    text = ''
    lastPostAt = clock.now()
    post(held, tokens)
  }
  return {
    add: (piece, count) => {
      text += piece
      tokens = count
      if (lastPostAt === Number.NEGATIVE_INFINITY) return flush()
      if (scheduled) return
      scheduled = true
      const wait = lastPostAt + everyMs - clock.now()
      if (wait <= 0) clock.defer(flush)
      else timer = clock.later(flush, wait)
    },
    flush,
  }
}
