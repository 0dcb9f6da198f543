import {
  QuireError,
  refOf,
  type ErrorCode,
  type MessageRef,
  type GenerationEvent,
  type GenerationStats,
  type StartedEvent,
  type StopReason,
} from '@shared/contract'
import type { ActionConfiguration } from '@shared/compare/applyOverrides'
import { fingerprint } from '@shared/compare/fingerprint'
import { budgetReached, hasBudget } from '@shared/postprocess'
import type {
  EngineJob,
  FittedPrompt,
  InferenceBackend,
  ParsedEngineJob,
  RunSink,
} from '../engine/backend'
import { emptyAnswer, finishAnswer, type Answer, type Finishing } from './finishAnswer'
import type { ModelReadiness } from './modelReadiness'
import { RememberedIds } from './rememberedIds'

export type { Finishing } from './finishAnswer'

/** A connected client (a window, a browser tab, the CLI, one HTTP request): its requests' events go to it alone. */
export type GenerationClient = { readonly id: string; send(event: GenerationEvent): void }

/** A request ready to run: what the backend runs, and how the answer is finished. */
export type PreparedRequest = {
  job: Omit<ParsedEngineJob, 'runId' | 'deadlineAt' | 'prompt'> & { prompt: EngineJob['prompt'] }
  /** Epoch ms after which the request ends with what it has, waiting included. */
  deadlineAt?: number | undefined
  /** A new continuation replaces the client's continuation still running. */
  continuation?: boolean
  /** Post-processing and the language retry; null hands the raw text back (OpenAI clients). */
  finishing: Finishing | null
  /** The configuration the request runs with, but for the model (known when it starts). */
  configuration?: ActionConfiguration
}

type Phase = 'accepted' | 'waiting-model' | 'running' | 'ended'

type Request = {
  readonly id: string
  readonly client: GenerationClient
  readonly prepared: PreparedRequest
  phase: Phase
  attempt: number
  runId: string | null
  seq: number
  raw: string
  /** Why Quire asked the backend to stop this run: the writer's cancel or the budget. */
  stopping: StopReason | null
  started: StartedEvent | null
  deadline: ReturnType<typeof setTimeout> | null
  /** The budget check threw once; it is not tried again for this request. */
  budgetBroken: boolean
  /** The first answer, kept while the language retry runs, in case the retry cannot. */
  firstAnswer?: Answer
}

export type GenerationServiceDeps = {
  /** A getter: the backend changes when Settings switch between local and remote. */
  backend: () => InferenceBackend
  readiness: ModelReadiness
}

const NO_MODEL = 'No model is loaded. Open Models to download one or to choose a GGUF file.'

/**
 * Owns every generation request from `generate` to its last event: the client it belongs to,
 * waiting for a model being loaded, cancelling at any moment (even before it arrives), a new
 * continuation replacing the last, the budget stop, the language retry and post-processing.
 * Backends only run tokens.
 */
export class GenerationService {
  private readonly requests = new Map<string, Request>()
  private readonly byClient = new Map<string, Set<Request>>()
  /** Cancels that came before their request, as `client:request`. */
  private readonly cancelledEarly = new RememberedIds()
  /** Requests that ended lately, so a late cancel is answered truthfully. */
  private readonly ended = new RememberedIds()

  constructor(private readonly deps: GenerationServiceDeps) {
    deps.readiness.onChange(() => this.wake())
  }

  /** Accepts a request under its client's id; its events follow on `client.send`. */
  generate(client: GenerationClient, requestId: string, prepared: PreparedRequest): void {
    if (this.requests.has(requestId))
      throw new QuireError(
        'invalid-request',
        `The request id ${requestId} is already in use; send each request with a new id.`,
        'request-id-in-use',
        { requestId },
      )
    const request: Request = {
      id: requestId,
      client,
      prepared,
      phase: 'accepted',
      attempt: 0,
      runId: null,
      seq: 0,
      raw: '',
      stopping: null,
      started: null,
      deadline: null,
      budgetBroken: false,
    }
    this.requests.set(requestId, request)
    const own = this.byClient.get(client.id) ?? new Set()
    own.add(request)
    this.byClient.set(client.id, own)
    // The request begins a microtask later, once `generate` has returned to its caller.
    queueMicrotask(() => this.begin(request))
  }

  /** Stops a request of this client; remembered when it has not arrived yet. */
  cancel(client: GenerationClient, requestId: string): boolean {
    const key = `${client.id}:${requestId}`
    const request = this.requests.get(requestId)
    if (!request) {
      if (this.ended.has(key)) return false
      this.cancelledEarly.add(key)
      return true
    }
    if (request.client.id !== client.id) return false
    this.stop(request, 'abort')
    return true
  }

  /** The client went away: its requests stop, and nothing more is sent to it. */
  closeClient(client: GenerationClient): void {
    for (const request of this.byClient.get(client.id) ?? []) this.stop(request, 'abort')
    this.byClient.delete(client.id)
  }

  /** Ends every request with an error (the backend is being replaced). */
  failAll(code: ErrorCode, message: string, ref?: MessageRef): void {
    for (const request of [...this.requests.values()]) {
      if (request.runId) this.deps.backend().cancel(request.runId)
      this.end(request, { type: 'error', requestId: request.id, code, message, ...refOf(ref) })
    }
  }

  /** How many requests are in flight (for tests and diagnostics). */
  get size(): number {
    return this.requests.size
  }

  private begin(request: Request): void {
    if (request.phase !== 'accepted') return
    if (this.cancelledEarly.take(`${request.client.id}:${request.id}`))
      return this.endEmpty(request, 'abort')
    if (request.prepared.continuation) {
      for (const other of this.byClient.get(request.client.id) ?? [])
        if (other !== request && other.prepared.continuation) this.stop(other, 'abort')
    }
    const { deadlineAt } = request.prepared
    if (deadlineAt !== undefined)
      request.deadline = setTimeout(
        () => this.stop(request, 'deadline'),
        Math.max(0, deadlineAt - Date.now()),
      )
    this.proceed(request)
  }

  /** Runs the request when a model is ready, waits while one loads, fails when there is none. */
  private proceed(request: Request): void {
    const readiness = this.deps.readiness.state()
    if (readiness === 'ready') return this.launch(request, null)
    if (readiness === 'loading') {
      if (request.phase === 'waiting-model') return
      request.phase = 'waiting-model'
      return this.send(request, { type: 'waiting', requestId: request.id, reason: 'model-loading' })
    }
    const notice = this.deps.backend().getStatus().notice
    this.end(request, {
      type: 'error',
      requestId: request.id,
      code: 'no-model',
      message: notice ? `${NO_MODEL} (${notice})` : NO_MODEL,
      ...(notice ? { key: 'no-model-notice', params: { notice } } : { key: 'no-model-yet' }),
    })
  }

  private wake(): void {
    for (const request of [...this.requests.values()])
      if (request.phase === 'waiting-model') this.proceed(request)
  }

  /** Starts an attempt: the prepared prompt, or for the language retry the messages sent before, made firmer. */
  private launch(request: Request, retryPrompt: EngineJob['prompt'] | null): void {
    request.phase = 'running'
    request.attempt++
    request.seq = 0
    request.raw = ''
    request.stopping = null
    const runId = `${request.id}#${request.attempt}`
    request.runId = runId
    const job = {
      ...request.prepared.job,
      prompt: retryPrompt ?? request.prepared.job.prompt,
      runId,
      deadlineAt: request.prepared.deadlineAt,
    }
    const current = () => request.runId === runId && request.phase === 'running'
    const sink: RunSink = {
      queued: () => {
        if (current())
          this.send(request, { type: 'waiting', requestId: request.id, reason: 'queued' })
      },
      started: (prompt) => {
        if (current()) this.started(request, job, prompt)
      },
      delta: (text, tokens) => {
        if (current()) this.delta(request, text, tokens)
      },
      done: (text, stats) => {
        if (current()) this.finish(request, text, stats)
      },
      error: (code, message, ref) => {
        if (!current()) return
        // The firmer retry is longer than the prompt that ran; when it no longer fits the
        // context, the answer already written is better than none.
        if (code === 'context-overflow' && request.firstAnswer)
          return this.end(request, { type: 'done', requestId: request.id, ...request.firstAnswer })
        this.end(request, { type: 'error', requestId: request.id, code, message, ...refOf(ref) })
      },
    }
    this.deps.backend().run(job, sink)
  }

  private started(request: Request, job: PreparedRequest['job'], prompt: FittedPrompt): void {
    const backend = this.deps.backend()
    const model = backend.getStatus().model?.name ?? ''
    const action = request.prepared.configuration
    const configuration = action && { ...action, model, backend: backend.kind }
    const event: StartedEvent = {
      type: 'started',
      requestId: request.id,
      attempt: request.attempt,
      messages: prompt.messages,
      sampling: job.sampling,
      maxTokens: job.sampling.maxTokens,
      seed: job.seed ?? null,
      model,
      trimmedBefore: prompt.trimmedBefore,
      ...(configuration && { configuration, fingerprint: fingerprint(configuration) }),
    }
    request.started = event
    this.send(request, event)
  }

  private delta(request: Request, text: string, tokens: number): void {
    request.raw += text
    this.send(request, { type: 'delta', requestId: request.id, seq: request.seq++, text, tokens })
    const steps = request.prepared.finishing?.steps
    if (!steps || request.stopping || request.budgetBroken || !hasBudget(steps)) return
    try {
      if (budgetReached(request.raw, steps)) this.stop(request, 'budget')
    } catch (error) {
      // A failing check must not take the host down: this answer runs to maxTokens instead.
      request.budgetBroken = true
      console.error('quire: the length budget check failed; generation goes on without it', error)
    }
  }

  /** Asks the backend to stop a run, or ends a request that is not running yet. */
  private stop(request: Request, reason: StopReason): void {
    if (request.phase === 'ended') return
    if (request.phase !== 'running' || !request.runId) return this.endEmpty(request, reason)
    // A cancel wins over a budget stop already asked for (no retry after it).
    if (request.stopping !== null && reason === 'budget') return
    request.stopping = reason
    this.deps.backend().cancel(request.runId, reason)
  }

  private finish(request: Request, raw: string, stats: GenerationStats): void {
    const outcome = finishAnswer({
      raw,
      stats,
      finishing: request.prepared.finishing,
      number: request.attempt,
      stopping: request.stopping,
      sent: request.started,
    })
    if (outcome.kind === 'done')
      return this.end(request, { type: 'done', requestId: request.id, ...outcome.answer })
    request.firstAnswer = outcome.firstAnswer
    this.send(request, { type: 'retry', requestId: request.id, reason: 'language' })
    this.launch(request, outcome.prompt)
  }

  /** Ends a request that produced nothing: cancelled or out of time before it ran. */
  private endEmpty(request: Request, reason: StopReason): void {
    this.end(request, { type: 'done', requestId: request.id, ...emptyAnswer(reason) })
  }

  private end(request: Request, last: Extract<GenerationEvent, { type: 'done' | 'error' }>): void {
    if (request.phase === 'ended') return
    request.phase = 'ended'
    if (request.deadline) clearTimeout(request.deadline)
    this.requests.delete(request.id)
    this.byClient.get(request.client.id)?.delete(request)
    this.ended.add(`${request.client.id}:${request.id}`)
    this.send(request, last)
  }

  private send(request: Request, event: GenerationEvent): void {
    try {
      request.client.send(event)
    } catch (error) {
      console.error('quire: a client could not take an event', error)
    }
  }
}
