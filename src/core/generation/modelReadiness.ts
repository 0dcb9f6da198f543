import type { EngineStatus } from '@shared/contract'

/** Whether requests can run now, must wait for a model being loaded, or have no model at all. */
export type Readiness = 'ready' | 'loading' | 'none'

/**
 * Whether there is a model to run requests on, from the backend's status and the loads the
 * service has begun (a file is checked before the backend starts loading it, and that time
 * counts as loading too). Waiters are told whenever it may have changed.
 */
export class ModelReadiness {
  private pendingLoads = 0
  private readonly listeners = new Set<() => void>()

  /**
   * `remote`: whether the backend is a server, which decides itself what it runs; a failed
   * check of it does not stop a request from trying (the server may be back).
   */
  constructor(
    private readonly status: () => EngineStatus,
    private readonly remote: () => boolean = () => false,
  ) {}

  state(): Readiness {
    const { state, model } = this.status()
    if (state === 'loading' || state === 'starting' || state === 'restarting') return 'loading'
    if (this.pendingLoads > 0) return 'loading'
    return model || this.remote() ? 'ready' : 'none'
  }

  /** Counts `load` as loading from now until it settles. */
  async track<T>(load: Promise<T>): Promise<T> {
    this.pendingLoads++
    this.changed()
    try {
      return await load
    } finally {
      this.pendingLoads--
      this.changed()
    }
  }

  /** Call when the backend's status changed. */
  changed(): void {
    for (const listener of this.listeners) listener()
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Resolves once nothing is loading any more, or with 'loading' after `timeoutMs`. */
  settled(timeoutMs: number): Promise<Readiness> {
    const now = this.state()
    if (now !== 'loading') return Promise.resolve(now)
    return new Promise((resolve) => {
      const finish = (readiness: Readiness) => {
        clearTimeout(timer)
        unsubscribe()
        resolve(readiness)
      }
      const timer = setTimeout(() => finish('loading'), timeoutMs)
      const unsubscribe = this.onChange(() => {
        const state = this.state()
        if (state !== 'loading') finish(state)
      })
    })
  }
}
