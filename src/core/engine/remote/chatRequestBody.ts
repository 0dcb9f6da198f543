import type { SamplingValues } from '@shared/presets/schema'
import type { ChatTurn, FittedPrompt } from '../backend'

/**
 * Which server answers, from what `GET /v1/models` says it owns. It decides which sampling
 * fields beyond OpenAI's are sent: OpenAI's own API rejects unknown fields, and TGI reads
 * `presence_penalty` as a repetition penalty of 2 + p, so only servers known to take an extra
 * field get it.
 */
export type ServerFlavour = 'llamacpp' | 'vllm' | 'quire' | 'other'

/** Reads the flavour from the `owned_by` of the models a server lists. */
export function flavourOf(ownedBy: readonly string[]): ServerFlavour {
  const owners = new Set(ownedBy.map((owner) => owner.toLowerCase()))
  if (owners.has('llamacpp')) return 'llamacpp'
  if (owners.has('vllm')) return 'vllm'
  if (owners.has('quire')) return 'quire'
  return 'other'
}

export type RemoteMessage = { role: 'system' | 'user' | 'assistant'; content: string }

/** What is sent: the conversation, how to sample, and the seed. */
export type RemoteChat = {
  messages: RemoteMessage[]
  sampling: SamplingValues
  seed?: number | undefined
}

/** The conversation a run sends: its system text, earlier turns, then the fitted prompt. */
export function chatMessages(
  prompt: FittedPrompt,
  turns: readonly ChatTurn[] = [],
): RemoteMessage[] {
  const system = prompt.messages.filter((message) => message.role === 'system')
  const user = prompt.messages.filter((message) => message.role === 'user')
  return [...system, ...turns, ...user]
}

/** Sampling fields beyond OpenAI's, by the names each server reads. */
function extraSampling(flavour: ServerFlavour, sampling: SamplingValues): Record<string, number> {
  const topK: Record<string, number> = sampling.topK > 0 ? { top_k: sampling.topK } : {}
  switch (flavour) {
    case 'llamacpp':
    case 'quire':
      return {
        ...topK,
        min_p: sampling.minP,
        repeat_penalty: sampling.repeatPenalty,
        ...(sampling.dryStrength > 0 ? { dry_multiplier: sampling.dryStrength } : {}),
      }
    case 'vllm':
      return { ...topK, min_p: sampling.minP, repetition_penalty: sampling.repeatPenalty }
    case 'other':
      return {}
    default:
      return flavour satisfies never
  }
}

/** The body of `POST /v1/chat/completions` for a chat, streamed with usage at the end. */
export function chatRequestBody(
  job: RemoteChat,
  model: string,
  flavour: ServerFlavour,
): Record<string, unknown> {
  const sampling = job.sampling
  return {
    model,
    messages: job.messages,
    stream: true,
    stream_options: { include_usage: true },
    temperature: sampling.temperature,
    // TGI refuses top_p = 1; leaving it out means the same thing everywhere.
    ...(sampling.topP < 1 ? { top_p: sampling.topP } : {}),
    max_tokens: sampling.maxTokens,
    ...(job.seed === undefined ? {} : { seed: job.seed }),
    ...(sampling.frequencyPenalty > 0 ? { frequency_penalty: sampling.frequencyPenalty } : {}),
    ...(sampling.presencePenalty > 0 ? { presence_penalty: sampling.presencePenalty } : {}),
    ...extraSampling(flavour, sampling),
  }
}
