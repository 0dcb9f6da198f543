/** A sequence's token meter: what llama.cpp has been handed for it so far. */
export type SequenceMeter = { readonly usedInputTokens: number; readonly usedOutputTokens: number }

/** When things run; the real event loop unless a test brings its own. */
export type DispatchClock = {
  /** After the current task, before the event loop turns (queueMicrotask). */
  soon: (callback: () => void) => void
  /** Once the event loop has turned (setImmediate). */
  nextTurn: (callback: () => void) => void
}

const realClock: DispatchClock = {
  soon: (callback) => queueMicrotask(callback),
  nextTurn: (callback) => setImmediate(callback),
}

type Watcher = { meter: SequenceMeter; before: number; announce: () => void }

const handed = (meter: SequenceMeter) => meter.usedInputTokens + meter.usedOutputTokens

/**
 * Decides when node-llama-cpp hands queued tokens to llama.cpp (its contexts'
 * `batching.dispatchSchedule`), and tells a run once its prompt has been handed over.
 *
 * node-llama-cpp waits for the event loop to turn before each batch, so that several sequences'
 * tokens go in one batch. With one run generating there is nothing to batch with: the batch goes
 * at once, saving a turn before the first token and between tokens. With more, it waits as before.
 *
 * A run's `started` is posted once llama.cpp is working on its prompt (the turn after the batch
 * that carried it: by then the batch's microtasks have called the native decode, which runs on
 * its own thread), so that the host and the client handle `started` while the prompt is
 * evaluated, not before.
 */
export class BatchDispatcher {
  private generating = 0
  private readonly watchers = new Set<Watcher>()

  constructor(private readonly clock: DispatchClock = realClock) {}

  /** node-llama-cpp's `dispatchSchedule`: called with the function that sends the queued batch. */
  readonly schedule = (dispatch: () => void): void => {
    const send = () => {
      dispatch()
      if (this.watchers.size > 0) this.clock.nextTurn(() => this.check())
    }
    if (this.generating <= 1) this.clock.soon(send)
    else this.clock.nextTurn(send)
  }

  /** A run begins generating; call the returned function when it ends. */
  enter(): () => void {
    this.generating++
    let left = false
    return () => {
      if (left) return
      left = true
      this.generating--
    }
  }

  /**
   * Calls `started` once: after a batch has handed llama.cpp tokens of the sequence `meter`
   * counts, or when the returned function is called first (before the run's first text or end).
   */
  announce(meter: SequenceMeter, started: () => void): () => void {
    const watcher: Watcher = {
      meter,
      before: handed(meter),
      announce: () => {
        if (this.watchers.delete(watcher)) started()
      },
    }
    this.watchers.add(watcher)
    return watcher.announce
  }

  private check(): void {
    for (const watcher of [...this.watchers]) {
      if (handed(watcher.meter) !== watcher.before) watcher.announce()
    }
  }
}
