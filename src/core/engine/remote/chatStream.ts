import { z } from 'zod'
import {
  emptyStats,
  QuireError,
  type DeltaEvent,
  type GenerationStats,
  type StopReason,
} from '@shared/contract'
import { estimateTokens } from './estimateTokens'
import { malformedError, serverMessage, type RemoteTarget } from './remoteErrors'

/** A backend's end of a request: the raw text and its stats. */
export type RawDoneEvent = { type: 'done'; requestId: string; text: string; stats: GenerationStats }

const usageSchema = z.object({
  prompt_tokens: z.number().int().nonnegative().nullish(),
  completion_tokens: z.number().int().nonnegative().nullish(),
  prompt_tokens_details: z
    .object({ cached_tokens: z.number().int().nonnegative().nullish() })
    .nullish(),
})

/** One streamed chunk (`delta`) or a whole answer (`message`), as OpenAI-compatible servers send them. */
const chunkSchema = z.object({
  choices: z
    .array(
      z.object({
        delta: z.object({ content: z.string().nullish() }).nullish(),
        message: z.object({ content: z.string().nullish() }).nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .nullish(),
  usage: usageSchema.nullish(),
  error: z.unknown().optional(),
})

/** How a server's `finish_reason` reads as Quire's stop reason (TGI says `eos_token`). */
export function stopReasonOf(finishReason: string | null): StopReason {
  switch (finishReason) {
    case 'length':
      return 'max-tokens'
    case null:
    case 'stop':
    case 'eos':
    case 'eos_token':
      return 'eos'
    default:
      return 'stop-trigger'
  }
}

export type ChatStreamOptions = {
  requestId: string
  target: RemoteTarget
  /** performance.now() when the request was made. */
  startedAt: number
  /** Prompt tokens to report when the server does not count them. */
  promptEstimate: number
  now?: () => number
}

/**
 * Reads an OpenAI-compatible chat stream one `data:` payload at a time: content becomes
 * numbered `delta` events, and the end becomes a `done` with the same stats the local engine
 * reports (the server's token counts when it gives them, estimates otherwise).
 */
export class ChatStreamReader {
  private text = ''
  private seq = 0
  private firstTokenAt: number | null = null
  private finishReason: string | null = null
  private usage: z.infer<typeof usageSchema> | null = null
  private ended = false
  private readonly now: () => number

  constructor(private readonly options: ChatStreamOptions) {
    this.now = options.now ?? (() => performance.now())
  }

  /** True once `data: [DONE]` arrived. */
  get finished(): boolean {
    return this.ended
  }

  /** True once a choice carried a finish reason: the answer is whole even without `[DONE]`. */
  get complete(): boolean {
    return this.ended || this.finishReason !== null
  }

  /** Reads one payload; returns the delta it carries, if any. Throws a QuireError it cannot read. */
  read(data: string): DeltaEvent | null {
    if (this.ended) return null
    if (data.trim() === '[DONE]') {
      this.ended = true
      return null
    }
    let json: unknown
    try {
      json = JSON.parse(data)
    } catch {
      throw malformedError(this.options.target, `not JSON: ${JSON.stringify(data.slice(0, 60))}`)
    }
    const parsed = chunkSchema.safeParse(json)
    if (!parsed.success)
      throw malformedError(this.options.target, 'a chunk without the fields of a chat completion')
    const chunk = parsed.data
    if (chunk.error !== undefined && chunk.error !== null) {
      const detail = serverMessage(chunk.error) ?? 'no reason given'
      throw new QuireError(
        'generation-failed',
        `The server at ${this.options.target.base} stopped with an error: "${detail}"`,
        'server-stopped-with-error',
        { server: this.options.target.base, detail },
      )
    }
    if (chunk.usage) this.usage = chunk.usage
    const choice = chunk.choices?.[0]
    if (!choice) return null
    if (choice.finish_reason) this.finishReason = choice.finish_reason
    const content = choice.delta?.content ?? choice.message?.content ?? ''
    if (content === '') return null
    this.firstTokenAt ??= this.now()
    this.text += content
    // A server sends about one token per chunk; its usage, when it reports one, comes at the end.
    return {
      type: 'delta',
      requestId: this.options.requestId,
      seq: this.seq,
      text: content,
      tokens: ++this.seq,
    }
  }

  /** The `done` event: `stopReason` overrides the server's (a cancel, a deadline). */
  done(stopReason?: StopReason): RawDoneEvent {
    const finished = this.now()
    const promptTokens = this.usage?.prompt_tokens ?? this.options.promptEstimate
    const reusedTokens = Math.min(
      promptTokens,
      this.usage?.prompt_tokens_details?.cached_tokens ?? 0,
    )
    const generatedTokens = this.usage?.completion_tokens ?? estimateTokens(this.text)
    const first = this.firstTokenAt
    const streamingSeconds = first === null ? 0 : (finished - first) / 1000
    return {
      type: 'done',
      requestId: this.options.requestId,
      text: this.text,
      stats: {
        promptTokens,
        reusedTokens,
        evaluatedTokens: promptTokens - reusedTokens,
        generatedTokens,
        timeToFirstTokenMs: first === null ? null : Math.round(first - this.options.startedAt),
        tokensPerSecond:
          streamingSeconds > 0
            ? Math.max(0, Math.round(((generatedTokens - 1) / streamingSeconds) * 10) / 10)
            : 0,
        totalMs: Math.round(finished - this.options.startedAt),
        stopReason: stopReason ?? stopReasonOf(this.finishReason),
      },
    }
  }
}

/** The end of a request stopped before any answer began. */
export function emptyDone(requestId: string, stopReason: StopReason): RawDoneEvent {
  return { type: 'done', requestId, text: '', stats: emptyStats(stopReason) }
}
