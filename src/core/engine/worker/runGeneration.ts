import {
  LlamaChat,
  type ChatHistoryItem,
  type ChatWrapper,
  type LlamaContextSequence,
} from 'node-llama-cpp'
import { emptyStats, QuireError, type GenerationStats, type StopReason } from '@shared/contract'
import type { SamplingValues } from '@shared/presets/schema'
import type { ChatTurn } from '../backend'

export type GenerationResult = { text: string; stats: GenerationStats }

const stopReasons: Record<string, StopReason> = {
  eogToken: 'eos',
  stopGenerationTrigger: 'stop-trigger',
  customStopTrigger: 'stop-trigger',
  functionCalls: 'stop-trigger',
  maxTokens: 'max-tokens',
  abort: 'abort',
}

/** The chat a job sends: the persona as the system message, earlier turns, then the rendered prompt. */
export function chatHistory(
  system: string,
  user: string,
  turns: readonly ChatTurn[] = [],
): ChatHistoryItem[] {
  return [
    ...(system ? [{ type: 'system' as const, text: system }] : []),
    ...turns.map((turn): ChatHistoryItem =>
      turn.role === 'user'
        ? { type: 'user', text: turn.content }
        : { type: 'model', response: [turn.content] },
    ),
    { type: 'user', text: user },
    { type: 'model', response: [] },
  ]
}

/** An answer that never started: nothing generated, nothing evaluated. */
export function emptyResult(stopReason: StopReason, promptTokens = 0): GenerationResult {
  return { text: '', stats: emptyStats(stopReason, promptTokens) }
}

type Run = {
  sequence: LlamaContextSequence
  chatWrapper: ChatWrapper
  history: ChatHistoryItem[]
  promptTokens: number
  sampling: SamplingValues
  seed: number | undefined
  signal: AbortSignal
  /** Why the signal aborted, when it did: the writer's Stop or the request's deadline. */
  abortReason: () => StopReason
  startedAt: number
  /** A piece of the answer, with the tokens generated so far. */
  onDelta: (text: string, tokens: number) => void
}

/** Runs one generation on a sequence it holds, streaming text and measuring what it cost. */
export async function runGeneration(run: Run): Promise<GenerationResult> {
  const { sequence, sampling, signal } = run
  const chat = new LlamaChat({
    contextSequence: sequence,
    chatWrapper: run.chatWrapper,
    autoDisposeSequence: false,
  })
  const meterBefore = sequence.tokenMeter.getState()
  const contextBefore = sequence.contextTokens.length
  let firstTokenAt: number | null = null
  let text = ''
  let tokens = 0
  const measure = (stopReason: StopReason, responseText: string): GenerationResult => {
    const finished = performance.now()
    // The meter counts what llama.cpp evaluated: the prompt tokens not already in the
    // sequence, then the generated ones.
    const used = sequence.tokenMeter.diff(meterBefore)
    const reusedTokens = Math.min(
      contextBefore,
      Math.max(0, run.promptTokens - used.usedInputTokens),
    )
    const streamingSeconds = firstTokenAt === null ? 0 : (finished - firstTokenAt) / 1000
    return {
      text: responseText,
      stats: {
        promptTokens: run.promptTokens,
        reusedTokens,
        evaluatedTokens: run.promptTokens - reusedTokens,
        generatedTokens: used.usedOutputTokens,
        timeToFirstTokenMs: firstTokenAt === null ? null : Math.round(firstTokenAt - run.startedAt),
        tokensPerSecond:
          streamingSeconds > 0
            ? Math.round(((used.usedOutputTokens - 1) / streamingSeconds) * 10) / 10
            : 0,
        totalMs: Math.round(finished - run.startedAt),
        stopReason,
      },
    }
  }
  try {
    const result = await chat.generateResponse(run.history, {
      signal,
      stopOnAbortSignal: true,
      maxTokens: sampling.maxTokens,
      temperature: sampling.temperature,
      topP: sampling.topP,
      topK: sampling.topK,
      minP: sampling.minP,
      seed: run.seed,
      repeatPenalty: {
        penalty: sampling.repeatPenalty,
        frequencyPenalty: sampling.frequencyPenalty || undefined,
        presencePenalty: sampling.presencePenalty || undefined,
        lastTokens: 64,
      },
      ...(sampling.dryStrength > 0 ? { dryRepeatPenalty: { strength: sampling.dryStrength } } : {}),
      onToken: (generated) => {
        tokens += generated.length
      },
      onTextChunk: (chunk) => {
        if (chunk === '') return
        firstTokenAt ??= performance.now()
        text += chunk
        run.onDelta(chunk, tokens)
      },
    })
    const stopReason =
      result.metadata.stopReason === 'abort'
        ? run.abortReason()
        : (stopReasons[result.metadata.stopReason] ?? 'eos')
    return measure(stopReason, result.response)
  } catch (error) {
    if (signal.aborted) return measure(run.abortReason(), text)
    throw new QuireError(
      'generation-failed',
      `Generation failed: ${error instanceof Error ? error.message : String(error)}`,
      'generation-failed',
      { reason: error instanceof Error ? error.message : String(error) },
    )
  } finally {
    chat.dispose({ disposeSequence: false })
  }
}
