/** A sequence's token meter: what llama.cpp has been handed for it so far. */
export type SequenceMeter = { readonly usedInputTokens: number; readonly usedOutputTokens: number }

/** Runs a callback once the event loop has turned; setImmediate unless a test brings its own. */
export type NextTurn = (callback: () => void) => void

type Watcher = { meter: SequenceMeter; before: number; announce: () => void }

const handed = (meter: SequenceMeter) => meter.usedInputTokens + meter.usedOutputTokens

/**
 * Sends node-llama-cpp's batches to llama.cpp as its default does (once the event loop has
 * turned, so that several sequences' tokens share a batch), and tells a run when its prompt has
 * been handed over: its contexts' `batching.dispatchSchedule`.
 *
 * A run's `started` is posted the turn after the batch that carried its tokens: by then that
 * batch's microtasks have called the native decode, which runs on its own thread, so the host and
 * the client handle `started` while the prompt is evaluated rather than before it begins.
 */
export class BatchDispatcher {
  private readonly watchers = new Set<Watcher>()

  constructor(private readonly nextTurn: NextTurn = (callback) => setImmediate(callback)) {}

  /** node-llama-cpp's `dispatchSchedule`: called with the function that sends the queued batch. */
  readonly schedule = (dispatch: () => void): void => {
    this.nextTurn(() => {
      dispatch()
      if (this.watchers.size > 0) this.nextTurn(() => this.check())
    })
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
    for (const watcher of [...this.watchers])
      if (handed(watcher.meter) !== watcher.before) watcher.announce()
  }
}
