import {
  getLlama,
  LlamaLogLevel,
  type Llama,
  type LlamaContext,
  type LlamaModel,
} from 'node-llama-cpp'
import { QuireError } from '@shared/contract'
import type { EngineSettings } from '../backend'
import { explainLoadFailure, NativeLog, settleLogs } from './nativeLog'

type GpuChoice = EngineSettings['gpu']
type GpuLayers = EngineSettings['gpuLayers']

export type LoadedModel = {
  model: LlamaModel
  /** Layers offloaded to the GPU (0 on the CPU). */
  gpuLayers: number
  /** Set when Quire had to fall back to fewer GPU layers or to the CPU, in words for the writer. */
  fallback: string | null
}

/** One llama.cpp runtime for the engine process, with its log kept to explain failures. */
export class LlamaRuntime {
  private llama: Llama | null = null
  private gpu: GpuChoice | null = null
  readonly log = new NativeLog()

  constructor(private readonly forwardLog: (level: string, message: string) => void) {}

  /** The runtime for a GPU choice: CUDA, Vulkan or Metal when present under `auto`, else the CPU. */
  async get(gpu: GpuChoice): Promise<Llama> {
    if (this.llama && this.gpu === gpu) return this.llama
    await this.llama?.dispose()
    this.llama = null
    this.llama = await getLlama({
      gpu: gpu === 'off' ? false : 'auto',
      build: 'never',
      logLevel: LlamaLogLevel.warn,
      logger: (level, message) => {
        this.log.add(level, message)
        this.forwardLog(level, message)
      },
    })
    this.gpu = gpu
    return this.llama
  }

  /**
   * Loads a model and checks that a context fits, stepping down when the GPU fails: the
   * requested layers, then half of them, then the CPU. A failure on the CPU is final.
   */
  async loadModel(
    llama: Llama,
    path: string,
    gpuLayers: GpuLayers,
    probeContext: (model: LlamaModel) => Promise<LlamaContext>,
    onProgress?: (progress: number) => void,
  ): Promise<LoadedModel & { context: LlamaContext }> {
    const attempts: GpuLayers[] = llama.gpu === false ? [0] : [gpuLayers]
    let lastReason = ''
    for (let i = 0; i < attempts.length; i++) {
      const layers = attempts[i] ?? 0
      const mark = this.log.mark()
      let model: LlamaModel | null = null
      try {
        model = await llama.loadModel({
          modelPath: path,
          gpuLayers: layers,
          ...(onProgress ? { onLoadProgress: onProgress } : {}),
        })
        const context = await probeContext(model)
        const fallback =
          i === 0
            ? null
            : model.gpuLayers === 0
              ? `The GPU could not hold this model (${lastReason}), so it runs on the CPU.`
              : `The GPU could not hold every layer (${lastReason}), so ${model.gpuLayers} of ${model.fileInsights.totalLayers} layers run on it.`
        return { model, context, gpuLayers: model.gpuLayers, fallback }
      } catch (error) {
        const gpuUsed = model?.gpuLayers ?? (typeof layers === 'number' ? layers : 1)
        await model?.dispose().catch(() => {})
        await settleLogs()
        lastReason = explainLoadFailure(this.log.problemsSince(mark), error)
        if (llama.gpu === false || gpuUsed === 0) break
        // Step down: half of what was tried, then the CPU.
        const half = Math.floor(gpuUsed / 2)
        if (i === attempts.length - 1)
          attempts.push(...(half > 0 && layers !== half ? [half, 0] : [0]))
      }
    }
    throw new QuireError('model-load-failed', lastReason, 'model-load-reason', {
      reason: lastReason,
    })
  }

  async dispose(): Promise<void> {
    await this.llama?.dispose()
    this.llama = null
    this.gpu = null
  }
}
