import { QuireError, type EngineStatus, type StopReason } from '@shared/contract'
import type { BackendEvent, InferenceBackend } from '../backend'
import type { EngineJob, EngineSettings } from '../host/engineHost'
import { chatMessages, chatRequestBody } from './chatRequestBody'
import { ChatStreamReader, emptyDone } from './chatStream'
import { estimateChatTokens } from './estimateTokens'
import { readChatResponse } from './readChatResponse'
import { networkError, timeoutError, type RemoteTarget } from './remoteErrors'
import { resolveTarget, sendRemote, type KeyedTarget } from './remoteHttp'
import { remoteModelInfo, unlistedModelNotice } from './remoteModelInfo'
import { readModelList, type ServerOffer } from './serverModels'
import { Watchdog } from './watchdog'

/** Where the server is and what to ask it for. */
export type RemoteBackendSettings = {
  /** With or without a trailing `/v1`. */
  baseUrl: string
  /** The model to ask for; empty means the first one the server lists. */
  model: string
  /** How long to wait for an answer, and for each part of a streamed one. */
  timeoutMs: number
  /** The context the server's model has; Quire cannot ask for it, so it is configured. */
  contextSize: number
}

export type RemoteBackendOptions = RemoteBackendSettings & {
  /** The API key, read when a request is made; null sends none. */
  apiKey: () => Promise<string | null>
  onEvent: (event: BackendEvent) => void
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
  private status: EngineStatus = {
    state: 'starting',
    model: null,
    loadingPath: null,
    loadProgress: null,
    notice: null,
  }
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

  /** Estimates the prompt's tokens (no tokenizer here) against the configured context size. */
  async measure(
    system: string,
    user: string,
  ): Promise<{ promptTokens: number; contextSize: number }> {
    const messages = [...(system ? [{ content: system }] : []), { content: user }]
    return { promptTokens: estimateChatTokens(messages), contextSize: this.options.contextSize }
  }

  /** Sends a generation; its deltas and its end arrive through `onEvent`. */
  generate(job: EngineJob): void {
    const run: Run = { controller: new AbortController(), cause: null }
    this.runs.set(job.requestId, run)
    void this.run(job, run).finally(() => this.runs.delete(job.requestId))
  }

  /** Stops a request; it ends with a `done` holding the text so far. */
  cancel(requestId: string): boolean {
    const run = this.runs.get(requestId)
    if (!run) return false
    this.abort(run, 'abort')
    return true
  }

  /** New settings (remote ones, or the engine's context size); checks the server again. */
  async reconfigure(settings: Partial<RemoteBackendSettings & EngineSettings>): Promise<void> {
    const { baseUrl, model, timeoutMs, contextSize } = settings
    const defined = Object.entries({ baseUrl, model, timeoutMs, contextSize }).filter(
      ([, value]) => value !== undefined,
    )
    this.options = { ...this.options, ...Object.fromEntries(defined) }
    this.offer = null
    await this.check().catch(() => {})
  }

  /** Shows the writer a notice in the status. */
  notify(notice: string): void {
    this.setStatus({ ...this.status, notice })
  }

  /** Stops every request without further events. */
  async dispose(): Promise<void> {
    this.disposed = true
    for (const run of this.runs.values()) this.abort(run, 'dispose')
  }

  private setStatus(status: EngineStatus): void {
    if (this.disposed) return
    this.status = status
    this.options.onEvent({ type: 'status', status })
  }

  private emit(event: BackendEvent): void {
    if (!this.disposed) this.options.onEvent(event)
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
        )
      const name = this.options.model || offer.models[0]
      if (!name)
        throw new QuireError(
          'model-load-failed',
          `The server at ${target.base} lists no models. Name the model to use in Settings.`,
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
              : new QuireError('model-load-failed', String(error))
      if (current())
        this.setStatus({
          state: 'idle',
          model: null,
          loadingPath: null,
          loadProgress: null,
          notice: failure.message,
        })
      throw failure
    } finally {
      clearTimeout(timer)
    }
  }

  private async run(job: EngineJob, run: Run): Promise<void> {
    const startedAt = performance.now()
    const { requestId } = job
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
      reader = new ChatStreamReader({
        requestId,
        target,
        startedAt,
        promptEstimate: estimateChatTokens(chatMessages(job)),
      })
      watchdog.kick()
      const body = chatRequestBody(job, target.model, this.offer?.flavour ?? 'other')
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
        (delta) => this.emit(delta),
        () => watchdog.kick(),
        run.controller.signal,
      )
      watchdog.stop()
      this.emit(reader.done())
      if (this.status.state !== 'ready') void this.check().catch(() => {})
    } catch (error) {
      this.fail(requestId, run, error, reader, target, timeoutMs)
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
  ): void {
    const stopped: StopReason | null =
      run.cause === 'abort' || run.cause === 'deadline' ? run.cause : null
    if (stopped) {
      this.emit(reader?.done(stopped) ?? emptyDone(requestId, stopped))
      return
    }
    if (run.cause === 'dispose') return
    const failure =
      error instanceof QuireError
        ? error
        : !target
          ? new QuireError('generation-failed', String(error))
          : run.cause === 'timeout'
            ? timeoutError(target, timeoutMs, 'generate')
            : networkError(error, target, 'generate')
    if (
      target &&
      !(error instanceof QuireError) &&
      run.cause === null &&
      this.status.state === 'ready'
    )
      this.setStatus({
        state: 'idle',
        model: null,
        loadingPath: null,
        loadProgress: null,
        notice: failure.message,
      })
    this.emit({ type: 'error', requestId, code: failure.code, message: failure.message })
  }
}
