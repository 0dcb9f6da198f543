import type { BackendEvent } from '@core/engine/backend'

type Delta = Extract<BackendEvent, { type: 'delta' }>
type End = Extract<BackendEvent, { type: 'done' | 'error' }>

/** Every event a backend emitted, and a way to wait for one request's end. */
export class EventLog {
  readonly events: BackendEvent[] = []
  private readonly waiters = new Set<() => void>()
  /** Called with each event as it arrives, to act mid-stream. */
  tap: ((event: BackendEvent) => void) | null = null

  /** The `onEvent` to give a backend. */
  readonly listener = (event: BackendEvent): void => {
    this.events.push(event)
    this.tap?.(event)
    for (const wake of this.waiters) wake()
  }

  deltas(requestId: string): Delta[] {
    return this.events.filter(
      (event): event is Delta => event.type === 'delta' && event.requestId === requestId,
    )
  }

  ends(requestId: string): End[] {
    return this.events.filter(
      (event): event is End =>
        (event.type === 'done' || event.type === 'error') && event.requestId === requestId,
    )
  }

  /** Resolves with the request's `done` or `error`. */
  end(requestId: string, timeoutMs = 20_000): Promise<End> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check)
        reject(new Error(`no end for ${requestId} within ${timeoutMs} ms`))
      }, timeoutMs)
      const check = () => {
        const end = this.ends(requestId)[0]
        if (!end) return
        clearTimeout(timer)
        this.waiters.delete(check)
        resolve(end)
      }
      this.waiters.add(check)
      check()
    })
  }
}
