import type { LlamaContext, LlamaContextSequence, Token } from 'node-llama-cpp'

type Waiter = {
  prompt: readonly Token[]
  resolve: (sequence: LlamaContextSequence) => void
  reject: (reason: unknown) => void
}

function sharedPrefix(a: readonly Token[], b: readonly Token[]): number {
  const limit = Math.min(a.length, b.length)
  let i = 0
  while (i < limit && a[i] === b[i]) i++
  return i
}

/**
 * The sequences of one context. A request takes the free sequence whose cached tokens share
 * the longest prefix with its prompt (so the persona stays evaluated), or waits its turn.
 */
export class SequencePool {
  private readonly free: LlamaContextSequence[] = []
  private readonly waiting: Waiter[] = []

  constructor(readonly context: LlamaContext) {
    while (context.sequencesLeft > 0) this.free.push(context.getSequence())
  }

  get size(): number {
    return this.context.totalSequences
  }

  /** Resolves with a sequence for `prompt`; rejects if `signal` aborts while waiting; `onQueued` when it must wait. */
  acquire(
    prompt: readonly Token[],
    signal: AbortSignal,
    onQueued: () => void = () => {},
  ): Promise<LlamaContextSequence> {
    if (signal.aborted) return Promise.reject(signal.reason)
    const best = this.bestFree(prompt)
    if (best) return Promise.resolve(best)
    onQueued()
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { prompt, resolve, reject }
      this.waiting.push(waiter)
      signal.addEventListener(
        'abort',
        () => {
          const at = this.waiting.indexOf(waiter)
          if (at >= 0) this.waiting.splice(at, 1)
          reject(signal.reason)
        },
        { once: true },
      )
    })
  }

  /** Returns a sequence; the longest-waiting request gets it. */
  release(sequence: LlamaContextSequence): void {
    const next = this.waiting.shift()
    if (next) next.resolve(sequence)
    else this.free.push(sequence)
  }

  private bestFree(prompt: readonly Token[]): LlamaContextSequence | null {
    let bestIndex = -1
    let bestShared = -1
    this.free.forEach((sequence, index) => {
      const shared = sharedPrefix(sequence.contextTokens, prompt)
      if (shared > bestShared) {
        bestShared = shared
        bestIndex = index
      }
    })
    if (bestIndex < 0) return null
    return this.free.splice(bestIndex, 1)[0] ?? null
  }

  async dispose(): Promise<void> {
    for (const waiter of this.waiting.splice(0)) waiter.reject(new Error('The model was unloaded.'))
    await this.context.dispose()
  }
}
