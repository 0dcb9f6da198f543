import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import {
  resolveChatWrapper,
  type ChatWrapper,
  type LlamaModel,
  type Tokenizer,
} from 'node-llama-cpp'
import { QuireError, type ModelInfo, type StopReason } from '@shared/contract'
import type { ChatTurn, EngineSettings, FittedPrompt, ParsedEngineJob } from '../backend'
import { BatchDispatcher } from './batchDispatcher'
import { fitJob } from './fitJob'
import { LlamaRuntime } from './llamaRuntime'
import { rememberingTokenizer } from './rememberingTokenizer'
import { chatHistory, emptyResult, runGeneration, type GenerationResult } from './runGeneration'
import { SequencePool } from './sequencePool'

export type { GenerationResult } from './runGeneration'

/** What to load and how: the engine settings (GPU layers and sequences optional) and the file. */
export type LoadOptions = Omit<EngineSettings, 'gpuLayers' | 'sequences'> &
  Partial<Pick<EngineSettings, 'gpuLayers' | 'sequences'>> & {
    path: string
    /** How far the model file has been read, 0..1. */
    onProgress?: (progress: number) => void
  }

export type LoraAdapter = { file: string; scale: number }

/** What a run tells its caller before its end: it waits for a sequence; its prompt fits; text. */
export type RunListener = {
  queued(): void
  started(prompt: FittedPrompt): void
  delta(text: string, tokens: number): void
}

type Loaded = {
  model: LlamaModel
  /** The model's tokenizer, remembering the persona's tokens between requests. */
  tokenizer: Tokenizer
  chatWrapper: ChatWrapper
  info: ModelInfo
  threads: number
  contextSize: number
  sequences: number
  /** One pool per LoRA adapter set; '' is the base model. */
  pools: Map<string, Promise<SequencePool>>
}

const MAX_ADAPTER_CONTEXTS = 2
const loraKey = (lora: readonly LoraAdapter[] = []): string =>
  JSON.stringify(
    [...lora].sort((a, b) => a.file.localeCompare(b.file)).map((a) => [a.file, a.scale]),
  )

/**
 * llama.cpp behind node-llama-cpp, as the engine process runs it: one model, a context with
 * several sequences (more contexts for LoRA adapter sets, cached), requests scheduled on the
 * sequence that already holds the longest part of their prompt.
 */
export class LlamaEngine {
  private readonly runtime: LlamaRuntime
  /** Every context's batches go through it: it tells a run when llama.cpp has its prompt. */
  private readonly dispatcher = new BatchDispatcher()
  private loaded: Loaded | null = null
  private readonly controllers = new Map<
    string,
    { controller: AbortController; reason: StopReason }
  >()

  constructor(forwardLog: (level: string, message: string) => void = () => {}) {
    this.runtime = new LlamaRuntime(forwardLog)
  }

  get model(): ModelInfo | null {
    return this.loaded?.info ?? null
  }

  /** Loads a model and its base context; the previous model stays in use until the new one is ready. */
  async load(options: LoadOptions): Promise<ModelInfo> {
    const started = performance.now()
    const name = basename(options.path)
    let size: number
    try {
      const file = await stat(options.path)
      if (!file.isFile())
        throw new QuireError('model-not-found', `${name} is not a file.`, 'model-not-a-file', {
          name,
        })
      size = file.size
    } catch (error) {
      if (error instanceof QuireError) throw error
      throw new QuireError(
        'model-not-found',
        `Cannot open ${options.path}: the file does not exist or cannot be read.`,
        'model-cannot-open',
        { path: options.path },
      )
    }
    const llama = await this.runtime.get(options.gpu)
    const threads = options.threads > 0 ? options.threads : Math.max(1, llama.cpuMathCores)
    const sequences = options.sequences ?? 2
    const makeContext = (model: LlamaModel) =>
      model.createContext({
        contextSize: Math.min(options.contextSize, model.trainContextSize),
        threads,
        sequences,
        batching: { dispatchSchedule: this.dispatcher.schedule },
      })
    let loaded
    try {
      loaded = await this.runtime.loadModel(
        llama,
        options.path,
        options.gpu === 'off' ? 0 : (options.gpuLayers ?? 'auto'),
        makeContext,
        options.onProgress,
      )
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      throw new QuireError(
        'model-load-failed',
        `Could not load ${name}: ${reason}`,
        'model-could-not-load',
        { name, reason },
      )
    }
    const { model, context } = loaded
    const metadata = model.fileInfo.metadata
    const info: ModelInfo = {
      path: options.path,
      name: metadata.general?.name?.trim() || name,
      architecture: String(metadata.general?.architecture ?? 'unknown'),
      sizeBytes: size,
      contextSize: context.contextSize,
      backend: llama.gpu === false || loaded.gpuLayers === 0 ? 'cpu' : llama.gpu,
      gpuLayers: loaded.gpuLayers,
      totalLayers: model.fileInsights.totalLayers,
      sequences,
      threads,
      loadMs: Math.round(performance.now() - started),
      fallback: loaded.fallback,
    }
    const previous = this.loaded
    const tokenizer = rememberingTokenizer(model.tokenizer)
    // LlamaChat tokenizes the whole chat again through `model.tokenizer` before evaluating it:
    // through this one, the persona and the prompt just counted here are not tokenized twice.
    Object.defineProperty(model, 'tokenizer', { value: tokenizer })
    this.loaded = {
      model,
      tokenizer,
      chatWrapper: resolveChatWrapper(model),
      info,
      threads,
      contextSize: context.contextSize,
      sequences,
      pools: new Map([['[]', Promise.resolve(new SequencePool(context))]]),
    }
    if (previous) await this.unload(previous)
    return info
  }

  /** Runs a job on the best free sequence of its adapter set's context, or after the others. */
  async generate(job: ParsedEngineJob, listener: RunListener): Promise<GenerationResult> {
    const startedAt = performance.now()
    const entry = { controller: new AbortController(), reason: 'abort' as StopReason }
    this.controllers.set(job.runId, entry)
    const { signal } = entry.controller
    const deadline =
      job.deadlineAt === undefined
        ? undefined
        : setTimeout(
            () => this.stop(job.runId, 'deadline'),
            Math.max(0, job.deadlineAt - Date.now()),
          )
    try {
      const loaded = this.requireModel()
      const tokenize = (system: string, user: string, turns: readonly ChatTurn[] = []) =>
        loaded.chatWrapper
          .generateContextState({ chatHistory: chatHistory(system, user, turns) })
          .contextText.tokenize(loaded.tokenizer)
      const { tokens: prompt, turns, ...fitted } = fitJob(job, tokenize, loaded.contextSize)
      const system = fitted.messages.find((message) => message.role === 'system')?.content ?? ''
      const user = fitted.messages.at(-1)?.content ?? ''
      const history = chatHistory(system, user, turns)
      const pool = await this.poolFor(loaded, job.lora)
      let sequence
      try {
        sequence = await pool.acquire(prompt, signal, () => listener.queued())
      } catch {
        return emptyResult(entry.reason, prompt.length)
      }
      // `started` waits until llama.cpp is evaluating the prompt, and goes before anything else
      // the run says (its first text, its end), whichever comes first.
      const announce = this.dispatcher.announce(sequence.tokenMeter, () =>
        listener.started({ ...fitted, promptTokens: prompt.length }),
      )
      try {
        return await runGeneration({
          sequence,
          chatWrapper: loaded.chatWrapper,
          history,
          promptTokens: prompt.length,
          sampling: job.sampling,
          seed: job.seed,
          signal,
          abortReason: () => entry.reason,
          startedAt,
          onDelta: (text, tokens) => {
            announce()
            listener.delta(text, tokens)
          },
        })
      } finally {
        announce()
        pool.release(sequence)
      }
    } finally {
      clearTimeout(deadline)
      this.controllers.delete(job.runId)
    }
  }

  /** Stops a running or queued run; its partial text is kept. */
  stop(runId: string, reason: StopReason = 'abort'): boolean {
    const entry = this.controllers.get(runId)
    if (!entry) return false
    entry.reason = reason
    entry.controller.abort()
    return true
  }

  private requireModel(): Loaded {
    if (!this.loaded)
      throw new QuireError(
        'no-model',
        'No model is loaded. Choose a model file first.',
        'no-model-loaded',
      )
    return this.loaded
  }

  /** The context for an adapter set, created on first use; the oldest adapter context is dropped past the cap. */
  private poolFor(loaded: Loaded, lora: readonly LoraAdapter[]): Promise<SequencePool> {
    const key = loraKey(lora)
    const cached = loaded.pools.get(key)
    if (cached) {
      loaded.pools.delete(key)
      loaded.pools.set(key, cached)
      return cached
    }
    const created = loaded.model
      .createContext({
        contextSize: loaded.contextSize,
        threads: loaded.threads,
        sequences: loaded.sequences,
        batching: { dispatchSchedule: this.dispatcher.schedule },
        lora: {
          adapters: lora.map((adapter) => ({ filePath: adapter.file, scale: adapter.scale })),
        },
      })
      .then(
        (context) => new SequencePool(context),
        (error: unknown) => {
          loaded.pools.delete(key)
          const files = lora.map((adapter) => basename(adapter.file)).join(', ')
          throw new QuireError(
            'lora-failed',
            `Could not apply the LoRA adapter ${files}: ${error instanceof Error ? error.message : String(error)}`,
            'lora-apply-failed',
            { files, reason: error instanceof Error ? error.message : String(error) },
          )
        },
      )
    loaded.pools.set(key, created)
    const adapterKeys = [...loaded.pools.keys()].filter((k) => k !== '[]')
    while (adapterKeys.length > MAX_ADAPTER_CONTEXTS) {
      const oldest = adapterKeys.shift()
      if (oldest === undefined) break
      const pool = loaded.pools.get(oldest)
      loaded.pools.delete(oldest)
      void pool?.then((p) => p.dispose()).catch(() => {})
    }
    return created
  }

  private async unload(loaded: Loaded): Promise<void> {
    for (const pool of loaded.pools.values()) await pool.then((p) => p.dispose()).catch(() => {})
    await loaded.model.dispose()
  }

  /** Frees the model and its contexts; the process stays, ready for the next `load`. */
  async unloadModel(): Promise<void> {
    const loaded = this.loaded
    this.loaded = null
    if (loaded) await this.unload(loaded)
  }

  async dispose(): Promise<void> {
    for (const entry of this.controllers.values()) entry.controller.abort()
    if (this.loaded) await this.unload(this.loaded)
    this.loaded = null
    await this.runtime.dispose()
  }
}
