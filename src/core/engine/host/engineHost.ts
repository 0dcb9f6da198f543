import { basename } from 'node:path'
import { QuireError, type EngineStatus } from '@shared/contract'
import type { SamplingValues } from '@shared/presets/schema'
import {
  engineToHostSchema,
  type EngineChannel,
  type EngineLauncher,
  type EngineToHost,
} from '../protocol'
import { describeCrash } from './crashReason'
import type { BackendEvent, InferenceBackend } from '../backend'

export type EngineSettings = {
  /** 0: one per physical core. */
  threads: number
  contextSize: number
  gpu: 'auto' | 'off'
  gpuLayers: 'auto' | number
  sequences: number
}

export type EngineHostOptions = EngineSettings & {
  launch: EngineLauncher
  onEvent: (event: BackendEvent) => void
  /** Restarts allowed within `restartWindowMs` before the host gives up. */
  maxRestarts?: number
  restartWindowMs?: number
}

export type EngineJob = {
  requestId: string
  system: string
  user: string
  sampling: SamplingValues
  seed?: number | undefined
  /** Earlier conversation turns before `user`, for OpenAI-compatible clients. */
  turns?: { role: 'user' | 'assistant'; content: string }[]
  lora?: { file: string; scale: number }[]
  deadlineAt?: number | undefined
}

type PendingMeasure = {
  resolve: (size: { promptTokens: number; contextSize: number }) => void
  reject: (error: QuireError) => void
}

type PendingLoad = {
  path: string
  resolve: (status: EngineStatus) => void
  reject: (error: QuireError) => void
}

const RECENT_LOG_LINES = 40

/**
 * Supervises the engine process: starts it, forwards requests and events, and when it dies
 * (a native abort on a bad model file, say) fails what was in flight with a clear reason,
 * starts a fresh one and reloads the last model that worked.
 */
export class EngineHost implements InferenceBackend {
  private channel: EngineChannel | null = null
  private ready: Promise<void> = Promise.resolve()
  private status: EngineStatus = {
    state: 'starting',
    model: null,
    loadingPath: null,
    loadProgress: null,
    notice: null,
  }
  private readonly pendingLoads = new Map<number, PendingLoad>()
  private readonly pendingMeasures = new Map<number, PendingMeasure>()
  private readonly activeRequests = new Set<string>()
  private readonly recentLog: string[] = []
  private readonly restartTimes: number[] = []
  private lastGoodModelPath: string | null = null
  private nextCallId = 1
  private disposed = false

  constructor(private options: EngineHostOptions) {}

  /** New engine settings; a loaded model is reloaded with them. */
  async reconfigure(settings: EngineSettings): Promise<void> {
    this.options = { ...this.options, ...settings }
    const model = this.status.model
    if (model) await this.loadModel(model.path)
  }

  /** Starts the engine process; resolves once it is ready for requests. */
  start(): Promise<void> {
    const channel = this.options.launch()
    this.channel = channel
    this.ready = new Promise<void>((resolve) => {
      channel.onMessage((raw) => {
        const parsed = engineToHostSchema.safeParse(raw)
        if (!parsed.success) return
        if (parsed.data.type === 'ready') resolve()
        this.handle(parsed.data)
      })
    })
    channel.onExit((exit) => this.handleExit(channel, exit))
    return this.ready.then(() => {
      if (this.status.state === 'starting' || this.status.state === 'restarting')
        this.setStatus({ ...this.status, state: 'idle' })
    })
  }

  /** Shows the writer a notice in the status (a settings file set aside, say). */
  notify(notice: string): void {
    this.setStatus({ ...this.status, notice })
  }

  getStatus(): EngineStatus {
    return this.status
  }

  /**
   * Loads a model in the engine process; the previous one stays if this one fails. `notice`
   * is what the status keeps telling the writer meanwhile (after a restart, why it happened).
   */
  async loadModel(path: string, notice: string | null = null): Promise<EngineStatus> {
    await this.ready
    const channel = this.channel
    if (!channel) throw new QuireError('engine-stopped', 'The engine is not running.')
    const callId = this.nextCallId++
    const previous = this.status
    this.setStatus({ ...previous, state: 'loading', loadingPath: path, loadProgress: null, notice })
    return new Promise<EngineStatus>((resolve, reject) => {
      this.pendingLoads.set(callId, { path, resolve, reject })
      channel.send({
        type: 'load',
        callId,
        path,
        threads: this.options.threads,
        contextSize: this.options.contextSize,
        gpu: this.options.gpu,
        gpuLayers: this.options.gpuLayers,
        sequences: this.options.sequences,
      })
    })
  }

  /** Sends a generation; its deltas and its end arrive through `onEvent`. */
  generate(job: EngineJob): void {
    if (!this.status.model)
      throw new QuireError('no-model', 'No model is loaded. Choose a model file first.')
    this.activeRequests.add(job.requestId)
    void this.ready.then(() => this.channel?.send({ type: 'generate', ...job }))
  }

  /** Counts a prompt's tokens with the loaded model's tokenizer and chat template. */
  async measure(
    system: string,
    user: string,
  ): Promise<{ promptTokens: number; contextSize: number }> {
    await this.ready
    const channel = this.channel
    if (!channel || !this.status.model)
      throw new QuireError('no-model', 'No model is loaded. Choose a model file first.')
    const callId = this.nextCallId++
    return new Promise((resolve, reject) => {
      this.pendingMeasures.set(callId, { resolve, reject })
      channel.send({ type: 'measure', callId, system, user })
    })
  }

  cancel(requestId: string): boolean {
    if (!this.activeRequests.has(requestId)) return false
    this.channel?.send({ type: 'cancel', requestId })
    return true
  }

  async dispose(): Promise<void> {
    this.disposed = true
    this.channel?.kill()
    this.channel = null
  }

  private setStatus(status: EngineStatus): void {
    this.status = status
    this.options.onEvent({ type: 'status', status })
  }

  private handle(message: EngineToHost): void {
    switch (message.type) {
      case 'ready':
        break
      case 'loaded': {
        const pending = this.pendingLoads.get(message.callId)
        this.pendingLoads.delete(message.callId)
        this.lastGoodModelPath = message.model.path
        this.setStatus({
          state: 'ready',
          model: message.model,
          loadingPath: null,
          loadProgress: null,
          notice: this.status.notice,
        })
        pending?.resolve(this.status)
        break
      }
      case 'load-failed': {
        const pending = this.pendingLoads.get(message.callId)
        this.pendingLoads.delete(message.callId)
        this.setStatus({
          state: this.status.model ? 'ready' : 'idle',
          model: this.status.model,
          loadingPath: null,
          loadProgress: null,
          notice: message.message,
        })
        pending?.reject(new QuireError(message.code, message.message))
        break
      }
      case 'delta':
        this.options.onEvent({
          type: 'delta',
          requestId: message.requestId,
          seq: message.seq,
          text: message.text,
          tokens: message.tokens,
        })
        break
      case 'done':
        this.activeRequests.delete(message.requestId)
        this.options.onEvent({
          type: 'done',
          requestId: message.requestId,
          text: message.text,
          stats: message.stats,
        })
        break
      case 'failed':
        this.activeRequests.delete(message.requestId)
        this.options.onEvent({
          type: 'error',
          requestId: message.requestId,
          code: message.code,
          message: message.message,
        })
        break
      case 'measured':
        this.pendingMeasures
          .get(message.callId)
          ?.resolve({ promptTokens: message.promptTokens, contextSize: message.contextSize })
        this.pendingMeasures.delete(message.callId)
        break
      case 'measure-failed':
        this.pendingMeasures
          .get(message.callId)
          ?.reject(new QuireError(message.code, message.message))
        this.pendingMeasures.delete(message.callId)
        break
      case 'log':
        this.recentLog.push(message.message)
        if (this.recentLog.length > RECENT_LOG_LINES) this.recentLog.shift()
        break
      default:
        void (message satisfies never)
    }
  }

  private handleExit(
    channel: EngineChannel,
    exit: { code: number | null; signal: string | null; stderr: string },
  ): void {
    if (channel !== this.channel) return
    this.channel = null
    if (this.disposed) return
    const reason = describeCrash(exit, this.recentLog)
    this.recentLog.length = 0

    const crashedLoads = [...this.pendingLoads.values()]
    this.pendingLoads.clear()
    const crashedPath = crashedLoads.at(-1)?.path ?? null
    const notice = crashedPath
      ? `The engine stopped while loading ${basename(crashedPath)}: ${reason}. Quire restarted it; your document is untouched.`
      : `The engine stopped: ${reason}. Quire restarted it; your document is untouched.`
    for (const load of crashedLoads) {
      load.reject(
        new QuireError(
          'engine-stopped',
          `The engine stopped while loading ${basename(load.path)}: ${reason}.`,
        ),
      )
    }
    for (const measure of this.pendingMeasures.values())
      measure.reject(new QuireError('engine-stopped', `The engine stopped: ${reason}.`))
    this.pendingMeasures.clear()
    for (const requestId of this.activeRequests) {
      this.options.onEvent({
        type: 'error',
        requestId,
        code: 'engine-stopped',
        message: `The engine stopped during generation: ${reason}.`,
      })
    }
    this.activeRequests.clear()

    const now = Date.now()
    const windowMs = this.options.restartWindowMs ?? 60_000
    while (this.restartTimes.length > 0 && now - (this.restartTimes[0] ?? 0) > windowMs)
      this.restartTimes.shift()
    if (this.restartTimes.length >= (this.options.maxRestarts ?? 3)) {
      this.setStatus({
        state: 'idle',
        model: null,
        loadingPath: null,
        loadProgress: null,
        notice: `${notice} It keeps stopping, so Quire will not restart it again; restart Quire to try once more.`,
      })
      return
    }
    this.restartTimes.push(now)

    // Reload the last model that worked, unless it is the one that just brought the engine down.
    const reload = this.lastGoodModelPath !== crashedPath ? this.lastGoodModelPath : null
    if (!reload) this.lastGoodModelPath = null
    this.setStatus({
      state: 'restarting',
      model: null,
      loadingPath: null,
      loadProgress: null,
      notice,
    })
    void this.start().then(async () => {
      if (!reload) return
      await this.loadModel(reload, notice).catch(() => {})
    })
  }
}
