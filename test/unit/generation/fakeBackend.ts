import type { EngineStatus, GenerationStats, ModelInfo, StopReason } from '@shared/contract'
import type { EngineJob, InferenceBackend, RunSink } from '@core/engine/backend'

export const fakeModel: ModelInfo = {
  path: '/models/q.gguf',
  name: 'Qwen3 4B',
  architecture: 'qwen3',
  sizeBytes: 1,
  contextSize: 4096,
  backend: 'cpu',
  gpuLayers: 0,
  totalLayers: 36,
  sequences: 2,
  threads: 4,
  loadMs: 1,
  fallback: null,
}

export const stats = (overrides: Partial<GenerationStats> = {}): GenerationStats => ({
  promptTokens: 20,
  reusedTokens: 5,
  evaluatedTokens: 15,
  generatedTokens: 3,
  timeToFirstTokenMs: 10,
  tokensPerSecond: 50,
  totalMs: 60,
  stopReason: 'eos',
  ...overrides,
})

/** A backend the test drives by hand: it records runs and cancels; the test plays each run's events through its sink. */
export class FakeBackend implements InferenceBackend {
  readonly kind = 'local'
  readonly runs: { job: EngineJob; sink: RunSink }[] = []
  readonly cancelled: { runId: string; reason: StopReason }[] = []
  private readonly statusListeners = new Set<() => void>()
  status: EngineStatus

  constructor(loaded = true) {
    this.status = {
      state: loaded ? 'ready' : 'idle',
      model: loaded ? fakeModel : null,
      loadingPath: null,
      notice: null,
      loadProgress: null,
    }
  }

  /** Changes the status and tells whoever listens (the readiness). */
  setStatus(status: Partial<EngineStatus>): void {
    this.status = { ...this.status, ...status }
    for (const listener of this.statusListeners) listener()
  }

  onStatus(listener: () => void): void {
    this.statusListeners.add(listener)
  }

  /** The run with this id, or the latest one. */
  run(job: EngineJob, sink: RunSink): void {
    this.runs.push({ job, sink })
  }

  last(): { job: EngineJob; sink: RunSink } {
    const run = this.runs.at(-1)
    if (!run) throw new Error('no run yet')
    return run
  }

  getStatus = (): EngineStatus => this.status
  loadModel = async (): Promise<EngineStatus> => this.status
  cancel = (runId: string, reason: StopReason = 'abort'): boolean => {
    this.cancelled.push({ runId, reason })
    return true
  }
  configure = async (): Promise<void> => {}
  recheck = async (): Promise<void> => {}
  notify = (): void => {}
  dispose = async (): Promise<void> => {}
}

/** Lets queued microtasks and timers of zero run (the service starts a request after answering `generate`). */
export const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

/** Sampling values for a request to the fake backend. */
export const sampling = {
  temperature: 0.8,
  topP: 0.9,
  topK: 40,
  minP: 0,
  repeatPenalty: 1.1,
  frequencyPenalty: 0,
  presencePenalty: 0,
  dryStrength: 0,
  maxTokens: 64,
}
