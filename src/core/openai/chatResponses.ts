import type { GenerationStats, ModelInfo, StopReason } from '@shared/contract'

/** OpenAI's `usage`, with the prompt tokens the engine reused from its cache. */
export type Usage = {
  prompt_tokens: number
  completion_tokens: number
  total_tokens: number
  prompt_tokens_details: { cached_tokens: number }
}

export type FinishReason = 'stop' | 'length'

/** Where the answer stopped, as OpenAI names it. */
export function finishReasonOf(stopReason: StopReason): FinishReason {
  return stopReason === 'max-tokens' || stopReason === 'deadline' ? 'length' : 'stop'
}

export function usageOf(stats: GenerationStats): Usage {
  return {
    prompt_tokens: stats.promptTokens,
    completion_tokens: stats.generatedTokens,
    total_tokens: stats.promptTokens + stats.generatedTokens,
    prompt_tokens_details: { cached_tokens: stats.reusedTokens },
  }
}

/** What every chunk and answer of one completion shares. */
export type CompletionHead = { id: string; created: number; model: string }

/** One streamed chunk; `usage: null` rides along when the client asked for usage. */
export function chunkOf(
  head: CompletionHead,
  delta: { role?: 'assistant'; content?: string },
  finishReason: FinishReason | null,
  withUsage: boolean,
) {
  return {
    id: head.id,
    object: 'chat.completion.chunk',
    created: head.created,
    model: head.model,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    ...(withUsage ? { usage: null } : {}),
  }
}

/** The last chunk when the client asked for usage: no choices, only the counts. */
export function usageChunkOf(head: CompletionHead, usage: Usage) {
  return {
    id: head.id,
    object: 'chat.completion.chunk',
    created: head.created,
    model: head.model,
    choices: [],
    usage,
  }
}

/** A whole (non-streamed) answer. */
export function completionOf(
  head: CompletionHead,
  text: string,
  finishReason: FinishReason,
  usage: Usage,
) {
  return {
    id: head.id,
    object: 'chat.completion',
    created: head.created,
    model: head.model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: text },
        logprobs: null,
        finish_reason: finishReason,
      },
    ],
    usage,
  }
}

/** `GET /v1/models`: the loaded model, or nothing while none is. */
export function modelListOf(model: ModelInfo | null, created: number) {
  return {
    object: 'list',
    data: model ? [{ id: model.name, object: 'model', created, owned_by: 'quire' }] : [],
  }
}
