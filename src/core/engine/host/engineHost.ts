import { basename } from 'node:path'
import {
  fromErrorPayload,
  QuireError,
  refOf,
  type EngineStatus,
  type MessageRef,
  type StopReason,
} from '@shared/contract'
import {
  parseEngineMessage,
  type EngineChannel,
  type EngineLauncher,
  type EngineToHost,
} from '../protocol'
import { describeCrash } from './crashReason'
import {
  statusWithoutModel,
  type BackendConfig,
  type EngineJob,
  type EngineSettings,
  type InferenceBackend,
  type RunSink,
} from '../backend'

export type EngineHostOptions = EngineSettings & {
  launch: EngineLauncher
  onStatus: (status: EngineStatus) => void
  /** Restarts allowed within `restartWindowMs` before the host gives up. */
  maxRestarts?: number
  restartWindowMs?: number
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
  readonly kind = 'local'
  private channel: EngineChannel | null = null
  private ready: Promise<void> = Promise.resolve()
  private status: EngineStatus = statusWithoutModel('starting')
  private readonly pendingLoads = new Map<number, PendingLoad>()
  /** The runs in the engine process, by run id: where their messages go. */
  private readonly runs = new Map<string, RunSink>()
  private readonly recentLog: string[] = []
  private readonly restartTimes: number[] = []
  private lastGoodModelPath: string | null = null
  /** Unloads asked of the engine process, by call id. */
  private readonly unloads = new Map<number, () => void>()
  /** Told when the last run in the engine process has ended. */
  private readonly idleWaiters = new Set<() => void>()
  private nextCallId = 1
  private disposed = false

  constructor(private options: EngineHostOptions) {}

  /** New engine settings; a loaded model is reloaded with them. Unchanged settings change nothing. */
  async configure({ local }: BackendConfig): Promise<void> {
    const keys = ['threads', 'contextSize', 'gpu', 'gpuLayers', 'sequences'] as const
    if (keys.every((key) => this.options[key] === local[key])) return
    this.options = { ...this.options, ...local }
    const model = this.status.model
    if (model) await this.loadModel(model.path)
  }

  /** Nothing outside Quire changes the engine process. */
  async recheck(): Promise<void> {}

  /** Starts the engine process; resolves once it is ready for requests. */
  start(): Promise<void> {
    const channel = this.options.launch()
    this.channel = channel
    this.ready = new Promise<void>((resolve) => {
      channel.onMessage((raw) => {
        const parsed = parseEngineMessage(raw)
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
    this.setStatus({ ...this.status, notice, noticeRef: null })
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
    if (!channel)
      throw new QuireError('engine-stopped', 'The engine is not running.', 'engine-not-running')
    const callId = this.nextCallId++
    const previous = this.status
    this.setStatus({
      ...previous,
      state: 'loading',
      loadingPath: path,
      loadProgress: 0,
      notice,
      noticeRef: null,
    })
    // Test-only: holds a load open so end-to-end tests can act while a model loads (the tiny
    // test models load in milliseconds). Unset in normal use.
    const hold = Number(process.env.QUIRE_TEST_LOAD_DELAY_MS ?? 0)
    if (hold > 0) await new Promise((resolve) => setTimeout(resolve, hold))
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

  /**
   * Frees the model's memory for a while (a comparison with a model that does not fit beside
   * it): waits for the runs in flight to end, unloads, and resolves with the function that loads
   * the model back. Meanwhile the status says it is loading, so new requests wait for it.
   */
  async lend(notice: string, noticeRef: MessageRef): Promise<() => Promise<void>> {
    while (this.runs.size > 0) await new Promise<void>((resolve) => this.idleWaiters.add(resolve))
    const model = this.status.model
    const channel = this.channel
    if (!model || !channel) return async () => {}
    this.setStatus({
      ...this.status,
      state: 'loading',
      model: null,
      loadingPath: model.path,
      loadProgress: null,
      notice,
      noticeRef: refOf(noticeRef),
    })
    const callId = this.nextCallId++
    await new Promise<void>((resolve) => {
      this.unloads.set(callId, resolve)
      channel.send({ type: 'unload', callId })
    })
    return async () => {
      await this.loadModel(model.path).catch(() => {})
    }
  }

  /** Sends a run to the engine process, in one message (it fits the prompt there). */
  run(job: EngineJob, sink: RunSink): void {
    const channel = this.channel
    if (!this.status.model || !channel)
      return sink.error('no-model', 'No model is loaded. Choose a model file first.', {
        key: 'no-model-loaded',
      })
    this.runs.set(job.runId, sink)
    channel.send({ type: 'generate', ...job })
  }

  cancel(runId: string, reason: StopReason = 'abort'): boolean {
    if (!this.runs.has(runId)) return false
    this.channel?.send({ type: 'cancel', runId, reason })
    return true
  }

  async dispose(): Promise<void> {
    this.disposed = true
    this.channel?.kill()
    this.channel = null
  }

  private setStatus(status: EngineStatus): void {
    this.status = status
    this.options.onStatus(status)
  }

  private handle(message: EngineToHost): void {
    switch (message.type) {
      case 'ready':
        break
      case 'load-progress':
        if (this.pendingLoads.has(message.callId) && this.status.state === 'loading')
          this.setStatus({ ...this.status, loadProgress: message.progress })
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
          noticeRef: refOf(message),
        })
        pending?.reject(fromErrorPayload(message))
        break
      }
      case 'queued':
        this.runs.get(message.runId)?.queued()
        break
      case 'started':
        this.runs.get(message.runId)?.started(message)
        break
      case 'delta':
        this.runs.get(message.runId)?.delta(message.text, message.tokens)
        break
      case 'done': {
        const sink = this.runs.get(message.runId)
        this.runs.delete(message.runId)
        sink?.done(message.text, message.stats)
        this.wakeIdleWaiters()
        break
      }
      case 'failed': {
        const sink = this.runs.get(message.runId)
        this.runs.delete(message.runId)
        sink?.error(message.code, message.message, message)
        this.wakeIdleWaiters()
        break
      }
      case 'unloaded':
        this.unloads.get(message.callId)?.()
        this.unloads.delete(message.callId)
        break
      case 'log':
        this.recentLog.push(message.message)
        if (this.recentLog.length > RECENT_LOG_LINES) this.recentLog.shift()
        break
      default:
        void (message satisfies never)
    }
  }

  private wakeIdleWaiters(): void {
    if (this.runs.size > 0) return
    const waiting = [...this.idleWaiters]
    this.idleWaiters.clear()
    for (const wake of waiting) wake()
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
          'engine-stopped-loading',
          { name: basename(load.path), reason },
        ),
      )
    }
    const stopped = [...this.runs.values()]
    this.runs.clear()
    this.wakeIdleWaiters()
    // An unload cut short by the crash is done all the same: the memory is free.
    for (const unloaded of this.unloads.values()) unloaded()
    this.unloads.clear()
    for (const sink of stopped)
      sink.error('engine-stopped', `The engine stopped during generation: ${reason}.`, {
        key: 'engine-stopped-generating',
        params: { reason },
      })

    const now = Date.now()
    const windowMs = this.options.restartWindowMs ?? 60_000
    while (this.restartTimes.length > 0 && now - (this.restartTimes[0] ?? 0) > windowMs)
      this.restartTimes.shift()
    if (this.restartTimes.length >= (this.options.maxRestarts ?? 3)) {
      this.setStatus(
        statusWithoutModel(
          'idle',
          `${notice} It keeps stopping, so Quire will not restart it again; restart Quire to try once more.`,
        ),
      )
      return
    }
    this.restartTimes.push(now)

    // Reload the last model that worked, unless it is the one that just brought the engine down.
    const reload = this.lastGoodModelPath !== crashedPath ? this.lastGoodModelPath : null
    if (!reload) this.lastGoodModelPath = null
    this.setStatus(statusWithoutModel('restarting', notice))
    void this.start().then(async () => {
      if (!reload) return
      await this.loadModel(reload, notice).catch(() => {})
    })
  }
}
