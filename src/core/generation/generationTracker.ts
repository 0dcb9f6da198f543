import { randomUUID } from 'node:crypto'
import type { ErrorCode, Language, QuireEvent } from '@shared/contract'
import { runPipeline, type PhrasePair, type StepSpec } from '@shared/postprocess'
import type { BackendEvent, InferenceBackend } from '../engine/backend'
import type { EngineJob } from '../engine/host/engineHost'
import { firmerLanguageInstruction } from './firmerInstruction'

/** What a request needs after generation: how to clean it and in which language. */
export type TrackedRequest = {
  requestId: string
  job: Omit<EngineJob, 'requestId'>
  steps: readonly StepSpec[]
  language: Language
  replacements?: readonly PhrasePair[] | undefined
}

type Attempt = TrackedRequest & { engineId: string; attempt: number; seq: number }

/**
 * Sits between a backend and the writer: each request runs under an engine id of its own;
 * deltas pass through under the request's id; the finished answer is post-processed, and
 * when the language guard finds it in the wrong language the request is retried once with
 * a firmer instruction (a `retry` event tells the UI to start the text over).
 */
export class GenerationTracker {
  private readonly byEngineId = new Map<string, Attempt>()

  constructor(
    private readonly backend: () => InferenceBackend,
    private readonly emit: (event: QuireEvent) => void,
  ) {}

  start(request: TrackedRequest): void {
    this.launch({ ...request, engineId: '', attempt: 1, seq: 0 })
  }

  cancel(requestId: string): boolean {
    for (const attempt of this.byEngineId.values()) {
      if (attempt.requestId === requestId) return this.backend().cancel(attempt.engineId)
    }
    return false
  }

  /** Ends every request in flight with an error (the backend is going away). */
  failAll(code: ErrorCode, message: string): void {
    for (const attempt of this.byEngineId.values())
      this.emit({ type: 'error', requestId: attempt.requestId, code, message })
    this.byEngineId.clear()
  }

  /** Every backend event goes through here. */
  handle(event: BackendEvent): void {
    if (event.type === 'status') return this.emit(event)
    const attempt = this.byEngineId.get(event.requestId)
    if (!attempt) return
    switch (event.type) {
      case 'delta':
        this.emit({
          type: 'delta',
          requestId: attempt.requestId,
          seq: attempt.seq++,
          text: event.text,
          tokens: event.tokens,
        })
        break
      case 'error':
        this.byEngineId.delete(event.requestId)
        this.emit({ ...event, requestId: attempt.requestId })
        break
      case 'done':
        this.byEngineId.delete(event.requestId)
        this.finish(attempt, event.text, event.stats)
        break
      default:
        void (event satisfies never)
    }
  }

  private launch(attempt: Attempt): void {
    const engineId = randomUUID()
    this.byEngineId.set(engineId, { ...attempt, engineId })
    try {
      this.backend().generate({ ...attempt.job, requestId: engineId })
    } catch (error) {
      this.byEngineId.delete(engineId)
      throw error
    }
  }

  private finish(
    attempt: Attempt,
    raw: string,
    stats: Extract<BackendEvent, { type: 'done' }>['stats'],
  ): void {
    const cleaned = runPipeline(raw, attempt.steps, {
      language: attempt.language,
      replacements: attempt.replacements,
    })
    const finishedNormally = stats.stopReason !== 'abort' && stats.stopReason !== 'deadline'
    if (cleaned.flags.languageMismatch && attempt.attempt === 1 && finishedNormally) {
      this.emit({ type: 'retry', requestId: attempt.requestId, reason: 'language' })
      this.launch({
        ...attempt,
        attempt: 2,
        seq: 0,
        job: {
          ...attempt.job,
          user: `${attempt.job.user}\n\n${firmerLanguageInstruction(attempt.language)}`,
        },
      })
      return
    }
    this.emit({
      type: 'done',
      requestId: attempt.requestId,
      text: cleaned.text,
      raw,
      changes: cleaned.changes,
      flags: cleaned.flags,
      retried: attempt.attempt > 1,
      stats,
    })
  }
}
