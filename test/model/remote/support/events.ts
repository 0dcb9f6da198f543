import type { EngineStatus, ErrorCode, GenerationStats } from '@shared/contract'
import type { ChatTurn, EngineJob, RunSink } from '@core/engine/backend'
import type { SamplingValues } from '@shared/presets/schema'

type Delta = { type: 'delta'; requestId: string; seq: number; text: string; tokens: number }
type End =
  | { type: 'done'; requestId: string; text: string; stats: GenerationStats }
  | { type: 'error'; requestId: string; code: ErrorCode; message: string }
export type LoggedEvent = { type: 'status'; status: EngineStatus } | Delta | End

/** A job as these tests write it: ready messages under a request id. */
export type TestJob = {
  requestId: string
  system: string
  user: string
  sampling: SamplingValues
  seed?: number
  deadlineAt?: number
  turns?: ChatTurn[]
}

/** The engine job for a test job: its messages as they are, run under its request id. */
export function engineJobOf(job: TestJob): EngineJob {
  return {
    runId: job.requestId,
    prompt: { kind: 'messages', system: job.system, user: job.user, turns: job.turns ?? [] },
    sampling: job.sampling,
    seed: job.seed,
    deadlineAt: job.deadlineAt,
  }
}

/** Every event a backend emitted (status, and each run's events), and a way to wait for one run's end. */
export class EventLog {
  readonly events: LoggedEvent[] = []
  private readonly waiters = new Set<() => void>()
  /** Called with each event as it arrives, to act mid-stream. */
  tap: ((event: LoggedEvent) => void) | null = null

  /** The `onStatus` to give a backend. */
  readonly onStatus = (status: EngineStatus): void => this.record({ type: 'status', status })

  /** The sink for one run: its events are logged under `requestId`. */
  sink(requestId: string): RunSink {
    let seq = 0
    return {
      queued: () => {},
      started: () => {},
      delta: (text, tokens) => this.record({ type: 'delta', requestId, seq: seq++, text, tokens }),
      done: (text, stats) => this.record({ type: 'done', requestId, text, stats }),
      error: (code, message) => this.record({ type: 'error', requestId, code, message }),
    }
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

  private record(event: LoggedEvent): void {
    this.events.push(event)
    this.tap?.(event)
    for (const wake of this.waiters) wake()
  }
}
