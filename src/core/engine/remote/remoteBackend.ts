import { QuireError, type EngineStatus, type StopReason } from '@shared/contract'
import {
  engineJobSchema,
  type BackendConfig,
  type EngineJob,
  type InferenceBackend,
  type ParsedEngineJob,
  type RemoteSettings,
  type RunSink,
  statusWithoutModel,
} from '../backend'
import { chatMessages, chatRequestBody } from './chatRequestBody'
import { ChatStreamReader, emptyDone } from './chatStream'
import { fitByEstimate } from './fitByEstimate'
import { readChatResponse } from './readChatResponse'
import { networkError, timeoutError, type RemoteTarget } from './remoteErrors'
import { resolveTarget, sendRemote, type KeyedTarget } from './remoteHttp'
import { remoteModelInfo, unlistedModelNotice } from './remoteModelInfo'
import { readModelList, type ServerOffer } from './serverModels'
import { Watchdog } from './watchdog'

export type RemoteBackendOptions = RemoteSettings & {
  /** The API key for the server at `baseUrl`, read when a request is made; null sends none. */
  apiKey: (baseUrl: string) => Promise<string | null>
  onStatus: (status: EngineStatus) => void
}

/** Why a request's fetch was aborted, when Quire aborted it. */
type AbortCause = 'abort' | 'deadline' | 'timeout' | 'dispose'

type Run = { controller: AbortController; cause: AbortCause | null }

/**
 * Inference on an OpenAI-compatible server (llama.cpp's server, vLLM, TGI, Ollama, another
 * `quire serve`): streams chat completions over SSE and reports them with the same events and
 * stats as the local engine. There is no tokenizer here, so token counts are the server's when
 * it reports them and estimates otherwise. `loadModel` ignores its path: the server decides
 * what is loaded, and the model to ask for is the `model` setting.
 */
export class RemoteBackend implements InferenceBackend {
  readonly kind = 'remote'
  private status: EngineStatus = statusWithoutModel('starting')
  private offer: ServerOffer | null = null
  private readonly runs = new Map<string, Run>()
  private checks = 0
  private disposed = false

  constructor(private options: RemoteBackendOptions) {}

  /** The first check of the server; the status says how it went. */
  async start(): Promise<EngineStatus> {
    return this.check().catch(() => this.status)
  }

  getStatus(): EngineStatus {
    return this.status
  }

  /** Checks the server again (the path is ignored); rejects with the reason when it is not usable. */
  loadModel(_path?: string): Promise<EngineStatus> {
    return this.check()
  }

  /** Sends a run; its events go to `sink`. */
  run(job: EngineJob, sink: RunSink): void {
    const parsed = engineJobSchema.parse(job)
    const run: Run = { controller: new AbortController(), cause: null }
    this.runs.set(parsed.runId, run)
    void this.execute(parsed, run, sink).finally(() => this.runs.delete(parsed.runId))
  }

  /** Stops a run; it ends with a `done` holding the text so far. */
  cancel(runId: string, reason: StopReason = 'abort'): boolean {
    const run = this.runs.get(runId)
    if (!run) return false
    this.abort(run, reason === 'deadline' ? 'deadline' : 'abort')
    return true
  }

  /** New remote settings (or the context size); checks the server again when they changed. */
  async configure({ remote }: BackendConfig): Promise<void> {
    const keys = ['baseUrl', 'model', 'timeoutMs', 'contextSize'] as const
    if (keys.every((key) => this.options[key] === remote[key])) return
    this.options = { ...this.options, ...remote }
    await this.recheck()
  }

  /** Asks the server again what it offers (after a new API key, say). */
  async recheck(): Promise<void> {
    this.offer = null
    await this.check().catch(() => {})
  }

  /** Shows the writer a notice in the status. */
  notify(notice: string): void {
    this.setStatus({ ...this.status, notice, noticeRef: null })
  }

  /** Stops every request without further events. */
  async dispose(): Promise<void> {
    this.disposed = true
    for (const run of this.runs.values()) this.abort(run, 'dispose')
  }

  private setStatus(status: EngineStatus): void {
    if (this.disposed) return
    // Every status names the server, so the writer sees "Remote: …" even when it cannot be reached.
    const server = URL.canParse(this.options.baseUrl) ? new URL(this.options.baseUrl).host : ''
    this.status = { ...status, remote: { server: server || this.options.baseUrl } }
    this.options.onStatus(status)
  }

  private abort(run: Run, cause: AbortCause): void {
    run.cause ??= cause
    run.controller.abort()
  }

  private target(): Promise<KeyedTarget> {
    const model = this.options.model || this.offer?.models[0] || ''
    return resolveTarget(this.options.baseUrl, model, this.options.apiKey)
  }

  /** Asks the server what it offers; sets the status either way. */
  private async check(): Promise<EngineStatus> {
    const id = ++this.checks
    const current = () => id === this.checks && !this.disposed
    const startedAt = performance.now()
    const timeoutMs = this.options.timeoutMs
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), timeoutMs)
    let target: KeyedTarget | null = null
    try {
      target = await this.target()
      if (this.status.state !== 'starting')
        this.setStatus({ ...this.status, state: 'loading', loadingPath: target.base })
      const response = await sendRemote(target, '/models', { signal: controller.signal }, 'check')
      const offer = readModelList(await response.json().catch(() => null))
      if (!offer)
        throw new QuireError(
          'model-load-failed',
          `The server at ${target.base} answered ${target.api}/models, but not with a list of models. Check that the address points to an OpenAI-compatible server.`,
          'server-no-model-list',
          { server: target.base, api: target.api },
        )
      const name = this.options.model || offer.models[0]
      if (!name)
        throw new QuireError(
          'model-load-failed',
          `The server at ${target.base} lists no models. Name the model to use in Settings.`,
          'server-lists-no-models',
          { server: target.base },
        )
      if (current()) {
        this.offer = offer
        this.setStatus({
          state: 'ready',
          model: remoteModelInfo(
            target.base,
            name,
            this.options.contextSize,
            performance.now() - startedAt,
          ),
          loadingPath: null,
          loadProgress: null,
          notice: unlistedModelNotice(target.base, this.options.model, offer),
        })
      }
      return this.status
    } catch (error) {
      const failure =
        error instanceof QuireError
          ? error
          : controller.signal.aborted && target
            ? timeoutError(target, timeoutMs, 'check')
            : target
              ? networkError(error, target, 'check')
              : new QuireError('model-load-failed', String(error), 'server-check-failed', {
                  reason: String(error),
                })
      if (current()) this.setStatus(statusWithoutModel('idle', failure.message, failure))
      throw failure
    } finally {
      clearTimeout(timer)
    }
  }

  private async execute(job: ParsedEngineJob, run: Run, sink: RunSink): Promise<void> {
    const startedAt = performance.now()
    const requestId = job.runId
    const emitting = (act: () => void) => {
      if (!this.disposed) act()
    }
    const timeoutMs = this.options.timeoutMs
    const watchdog = new Watchdog(timeoutMs, () => this.abort(run, 'timeout'))
    const deadline =
      job.deadlineAt === undefined
        ? undefined
        : setTimeout(() => this.abort(run, 'deadline'), Math.max(0, job.deadlineAt - Date.now()))
    let target: KeyedTarget | null = null
    let reader: ChatStreamReader | null = null
    try {
      // With no model named, the server's list says which one to ask for.
      if (!this.options.model && !this.offer) await this.check()
      target = await this.target()
      const fitted = fitByEstimate(job, this.options.contextSize)
      const messages = chatMessages(fitted, job.prompt.kind === 'messages' ? job.prompt.turns : [])
      reader = new ChatStreamReader({
        requestId,
        target,
        startedAt,
        promptEstimate: fitted.promptTokens,
      })
      emitting(() => sink.started(fitted))
      watchdog.kick()
      const body = chatRequestBody(
        { messages, sampling: job.sampling, seed: job.seed },
        target.model,
        this.offer?.flavour ?? 'other',
      )
      const response = await sendRemote(
        target,
        '/chat/completions',
        { method: 'POST', body: JSON.stringify(body), signal: run.controller.signal },
        'generate',
      )
      watchdog.kick()
      await readChatResponse(
        response,
        reader,
        target,
        (delta) => emitting(() => sink.delta(delta.text, delta.tokens)),
        () => watchdog.kick(),
        run.controller.signal,
      )
      watchdog.stop()
      const done = reader.done()
      emitting(() => sink.done(done.text, done.stats))
      if (this.status.state !== 'ready') void this.check().catch(() => {})
    } catch (error) {
      if (!this.disposed) this.fail(requestId, run, error, reader, target, timeoutMs, sink)
    } finally {
      watchdog.stop()
      clearTimeout(deadline)
    }
  }

  /** Ends a failed or stopped request with the right event. */
  private fail(
    requestId: string,
    run: Run,
    error: unknown,
    reader: ChatStreamReader | null,
    target: RemoteTarget | null,
    timeoutMs: number,
    sink: RunSink,
  ): void {
    const stopped: StopReason | null =
      run.cause === 'abort' || run.cause === 'deadline' ? run.cause : null
    if (stopped) {
      const done = reader?.done(stopped) ?? emptyDone(requestId, stopped)
      sink.done(done.text, done.stats)
      return
    }
    if (run.cause === 'dispose') return
    const failure =
      error instanceof QuireError
        ? error
        : !target
          ? new QuireError('generation-failed', String(error), 'generation-failed', {
              reason: String(error),
            })
          : run.cause === 'timeout'
            ? timeoutError(target, timeoutMs, 'generate')
            : networkError(error, target, 'generate')
    if (
      target &&
      !(error instanceof QuireError) &&
      run.cause === null &&
      this.status.state === 'ready'
    )
      this.setStatus(statusWithoutModel('idle', failure.message, failure))
    sink.error(failure.code, failure.message, failure)
  }
}
