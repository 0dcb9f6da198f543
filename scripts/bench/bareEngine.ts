import { performance } from 'node:perf_hooks'
import {
  getLlama,
  LlamaLogLevel,
  LlamaChat,
  resolveChatWrapper,
  type ChatHistoryItem,
  type LlamaContext,
  type LlamaContextSequence,
  type LlamaModel,
} from 'node-llama-cpp'
import type { ChatMessage } from '../../src/shared/contract'
import type { SamplingValues } from '../../src/shared/presets/schema'

/** node-llama-cpp alone, in this process: the baseline Quire's whole path is measured against. */
export type BareEngine = {
  run(messages: ChatMessage[], sampling: SamplingValues, seed: number): Promise<BareRun>
  dispose(): Promise<void>
}

export type BareRun = {
  startedAt: number
  firstChunkAt: number
  endAt: number
  tokens: number
  text: string
  /** Prompt tokens llama.cpp evaluated (the rest were already in the sequence): the cache state. */
  evaluatedTokens: number
}

/** Loads `path` with the context Quire would give it (same size, threads and sequences). */
export async function loadBareEngine(
  path: string,
  options: { threads: number; contextSize: number; gpu: boolean },
): Promise<BareEngine> {
  const llama = await getLlama({
    gpu: options.gpu ? 'auto' : false,
    build: 'never',
    logLevel: LlamaLogLevel.error,
  })
  const model: LlamaModel = await llama.loadModel({
    modelPath: path,
    gpuLayers: options.gpu ? 'auto' : 0,
  })
  const context: LlamaContext = await model.createContext({
    contextSize: Math.min(options.contextSize, model.trainContextSize),
    threads: options.threads,
    sequences: 2,
  })
  const sequence: LlamaContextSequence = context.getSequence()
  const chatWrapper = resolveChatWrapper(model)
  return {
    async run(messages, sampling, seed) {
      // The same chat Quire's engine builds from the messages it reports in `started`.
      const history: ChatHistoryItem[] = [
        ...messages.map((message): ChatHistoryItem =>
          message.role === 'system'
            ? { type: 'system', text: message.content }
            : { type: 'user', text: message.content },
        ),
        { type: 'model', response: [] },
      ]
      let firstChunkAt = Number.NaN
      let tokens = 0
      const meterBefore = sequence.tokenMeter.getState()
      // From the call that builds the chat on: Quire's engine makes one per run too.
      const startedAt = performance.now()
      const chat = new LlamaChat({
        contextSequence: sequence,
        chatWrapper,
        autoDisposeSequence: false,
      })
      try {
        const result = await chat.generateResponse(history, {
          maxTokens: sampling.maxTokens,
          temperature: sampling.temperature,
          topP: sampling.topP,
          topK: sampling.topK,
          minP: sampling.minP,
          seed,
          repeatPenalty: {
            penalty: sampling.repeatPenalty,
            frequencyPenalty: sampling.frequencyPenalty || undefined,
            presencePenalty: sampling.presencePenalty || undefined,
            lastTokens: 64,
          },
          ...(sampling.dryStrength > 0
            ? { dryRepeatPenalty: { strength: sampling.dryStrength } }
            : {}),
          onToken: (generated) => {
            tokens += generated.length
          },
          onTextChunk: (chunk) => {
            if (chunk !== '' && Number.isNaN(firstChunkAt)) firstChunkAt = performance.now()
          },
        })
        const endAt = performance.now()
        const evaluatedTokens = sequence.tokenMeter.diff(meterBefore).usedInputTokens
        return { startedAt, firstChunkAt, endAt, tokens, text: result.response, evaluatedTokens }
      } finally {
        chat.dispose({ disposeSequence: false })
      }
    },
    async dispose() {
      await context.dispose()
      await model.dispose()
    },
  }
}
