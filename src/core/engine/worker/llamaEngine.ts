import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import {
  getLlama,
  LlamaChat,
  LlamaLogLevel,
  type ChatHistoryItem,
  type Llama,
  type LlamaContext,
  type LlamaContextSequence,
  type LlamaModel,
} from 'node-llama-cpp'
import { QuireError, type GenerationStats, type ModelInfo, type StopReason } from '@shared/contract'
import type { SamplingValues } from '@shared/presets/schema'
import { explainLoadFailure, NativeLog, settleLogs } from './nativeLog'

export type LoadOptions = {
  path: string
  threads: number
  contextSize: number
  gpu: 'auto' | 'off'
}

export type GenerationJob = {
  requestId: string
  system: string
  user: string
  sampling: SamplingValues
  seed?: number | undefined
}

export type GenerationResult = { text: string; stats: GenerationStats }

type Loaded = {
  model: LlamaModel
  context: LlamaContext
  sequence: LlamaContextSequence
  info: ModelInfo
}

const stopReasons: Record<string, StopReason> = {
  eogToken: 'eos',
  stopGenerationTrigger: 'stop-trigger',
  customStopTrigger: 'stop-trigger',
  functionCalls: 'stop-trigger',
  maxTokens: 'max-tokens',
  abort: 'abort',
}

/**
 * llama.cpp behind node-llama-cpp, as the engine process runs it: one model, one context,
 * requests served one after another on its sequence so the persona prefix stays evaluated.
 */
export class LlamaEngine {
  private llama: Llama | null = null
  private llamaGpu: LoadOptions['gpu'] | null = null
  private loaded: Loaded | null = null
  private queue: Promise<unknown> = Promise.resolve()
  private readonly controllers = new Map<string, AbortController>()
  private readonly log = new NativeLog()

  constructor(private readonly forwardLog: (level: string, message: string) => void = () => {}) {}

  private async getLlama(gpu: LoadOptions['gpu']): Promise<Llama> {
    if (this.llama && this.llamaGpu === gpu) return this.llama
    await this.llama?.dispose()
    this.llama = await getLlama({
      gpu: gpu === 'off' ? false : 'auto',
      build: 'never',
      logLevel: LlamaLogLevel.warn,
      logger: (level, message) => {
        this.log.add(level, message)
        this.forwardLog(level, message)
      },
    })
    this.llamaGpu = gpu
    return this.llama
  }

  get model(): ModelInfo | null {
    return this.loaded?.info ?? null
  }

  /** Loads a model and its context; the previous model stays in use until the new one is ready. */
  async load(options: LoadOptions): Promise<ModelInfo> {
    const started = performance.now()
    const mark = this.log.mark()
    const name = basename(options.path)
    let size: number
    try {
      const file = await stat(options.path)
      if (!file.isFile()) throw new QuireError('model-not-found', `${name} is not a file.`)
      size = file.size
    } catch (error) {
      if (error instanceof QuireError) throw error
      throw new QuireError(
        'model-not-found',
        `Cannot open ${options.path}: the file does not exist or cannot be read.`,
      )
    }
    const llama = await this.getLlama(options.gpu)
    const threads = options.threads > 0 ? options.threads : Math.max(1, llama.cpuMathCores)
    let model: LlamaModel | null = null
    try {
      model = await llama.loadModel({
        modelPath: options.path,
        gpuLayers: options.gpu === 'off' ? 0 : 'auto',
      })
      const context = await model.createContext({
        contextSize: Math.min(options.contextSize, model.trainContextSize),
        threads,
        sequences: 1,
      })
      const metadata = model.fileInfo.metadata
      const info: ModelInfo = {
        path: options.path,
        name: metadata.general?.name?.trim() || name,
        architecture: String(metadata.general?.architecture ?? 'unknown'),
        sizeBytes: size,
        contextSize: context.contextSize,
        backend: llama.gpu === false ? 'cpu' : llama.gpu,
        threads,
        loadMs: Math.round(performance.now() - started),
      }
      const previous = this.loaded
      this.loaded = { model, context, sequence: context.getSequence(), info }
      await previous?.model.dispose()
      return info
    } catch (error) {
      await model?.dispose().catch(() => {})
      await settleLogs()
      const reason = explainLoadFailure(this.log.problemsSince(mark), error)
      throw new QuireError('model-load-failed', `Could not load ${name}: ${reason}`)
    }
  }

  /** Queues a generation; requests run one at a time on the shared sequence. */
  generate(job: GenerationJob, onDelta: (text: string) => void): Promise<GenerationResult> {
    const controller = new AbortController()
    this.controllers.set(job.requestId, controller)
    const run = this.queue.then(() => this.run(job, controller.signal, onDelta))
    this.queue = run.catch(() => {})
    return run.finally(() => this.controllers.delete(job.requestId))
  }

  /** Stops a running or queued request; its partial text is kept. */
  cancel(requestId: string): boolean {
    const controller = this.controllers.get(requestId)
    if (!controller) return false
    controller.abort()
    return true
  }

  private async run(
    job: GenerationJob,
    signal: AbortSignal,
    onDelta: (text: string) => void,
  ): Promise<GenerationResult> {
    const started = performance.now()
    const loaded = this.loaded
    if (!loaded) throw new QuireError('no-model', 'No model is loaded. Choose a model file first.')
    const empty = (): GenerationResult => ({
      text: '',
      stats: {
        promptTokens: 0,
        reusedTokens: 0,
        evaluatedTokens: 0,
        generatedTokens: 0,
        timeToFirstTokenMs: null,
        tokensPerSecond: 0,
        totalMs: 0,
        stopReason: 'abort',
      },
    })
    if (signal.aborted) return empty()

    const { sequence, model } = loaded
    const chat = new LlamaChat({ contextSequence: sequence, autoDisposeSequence: false })
    const history: ChatHistoryItem[] = [
      { type: 'system', text: job.system },
      { type: 'user', text: job.user },
      { type: 'model', response: [] },
    ]
    const promptTokens = chat.chatWrapper
      .generateContextState({ chatHistory: history })
      .contextText.tokenize(model.tokenizer)
    const meterBefore = sequence.tokenMeter.getState()
    const contextBefore = sequence.contextTokens.length
    let firstTokenAt: number | null = null
    let text = ''
    try {
      const { sampling } = job
      const result = await chat.generateResponse(history, {
        signal,
        stopOnAbortSignal: true,
        maxTokens: sampling.maxTokens,
        temperature: sampling.temperature,
        topP: sampling.topP,
        topK: sampling.topK,
        minP: sampling.minP,
        seed: job.seed,
        repeatPenalty: {
          penalty: sampling.repeatPenalty,
          frequencyPenalty: sampling.frequencyPenalty || undefined,
          presencePenalty: sampling.presencePenalty || undefined,
          lastTokens: 64,
        },
        onTextChunk: (chunk) => {
          firstTokenAt ??= performance.now()
          text += chunk
          onDelta(chunk)
        },
      })
      const finished = performance.now()
      // The meter counts what llama.cpp actually evaluated: the prompt tokens that were not
      // already in the context, then the generated ones.
      const used = sequence.tokenMeter.diff(meterBefore)
      const generatedTokens = used.usedOutputTokens
      const reusedTokens = Math.min(
        contextBefore,
        Math.max(0, promptTokens.length - used.usedInputTokens),
      )
      const evaluatedTokens = promptTokens.length - reusedTokens
      const streamingSeconds = firstTokenAt === null ? 0 : (finished - firstTokenAt) / 1000
      return {
        text: result.response,
        stats: {
          promptTokens: promptTokens.length,
          reusedTokens,
          evaluatedTokens,
          generatedTokens,
          timeToFirstTokenMs: firstTokenAt === null ? null : Math.round(firstTokenAt - started),
          tokensPerSecond:
            streamingSeconds > 0
              ? Math.round(((generatedTokens - 1) / streamingSeconds) * 10) / 10
              : 0,
          totalMs: Math.round(finished - started),
          stopReason: stopReasons[result.metadata.stopReason] ?? 'eos',
        },
      }
    } catch (error) {
      if (signal.aborted) return { ...empty(), text }
      throw new QuireError(
        'generation-failed',
        `Generation failed: ${error instanceof Error ? error.message : String(error)}`,
      )
    } finally {
      chat.dispose({ disposeSequence: false })
    }
  }

  async dispose(): Promise<void> {
    for (const controller of this.controllers.values()) controller.abort()
    await this.loaded?.model.dispose()
    this.loaded = null
    await this.llama?.dispose()
    this.llama = null
  }
}
