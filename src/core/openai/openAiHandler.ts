import { randomUUID } from 'node:crypto'
import type { GenerationEvent, ModelInfo } from '@shared/contract'
import type { GenerationClient, GenerationService } from '../generation/generationService'
import type { ModelReadiness } from '../generation/modelReadiness'
import { readChatRequest, type ChatPlan } from './chatRequest'
import {
  chunkOf,
  completionOf,
  finishReasonOf,
  modelListOf,
  usageChunkOf,
  usageOf,
  type CompletionHead,
} from './chatResponses'
import { OpenAiError, openAiErrorOf } from './openAiError'
import { StopMatcher } from './stopSequences'

/** What the handler runs on: the service's requests, and whether a model is ready. */
export type OpenAiDeps = {
  generation: GenerationService
  readiness: ModelReadiness
  /** The model in use now, if any. */
  model: () => ModelInfo | null
  /** How long a request made during a load waits for it before a 503 (default 30 s). */
  loadWaitMs?: number
}

/** How an answer goes back to the client, whatever the transport. */
export type OpenAiReply = {
  /** The whole answer, or an error before any streaming began. */
  json(status: number, body: unknown, headers?: Record<string, string>): void
  /** One server-sent event; the first one starts the stream. */
  event(data: unknown): void
  /** `data: [DONE]`, and the end of the stream. */
  end(): void
}

export type OpenAiHandler = {
  /** The body of `GET /v1/models`. */
  listModels(): unknown
  /** Answers `POST /v1/chat/completions`; resolves once the reply is complete. */
  chatCompletions(body: unknown, reply: OpenAiReply, signal: AbortSignal): Promise<void>
}

/** Seconds a client is told to wait before asking again while a model loads. */
export const LOADING_RETRY_AFTER_S = 5

/** OpenAI's chat completion API on top of Quire's generation requests. */
export function createOpenAiHandler(deps: OpenAiDeps): OpenAiHandler {
  const startedAt = Math.floor(Date.now() / 1000)
  return {
    listModels: () => modelListOf(deps.model(), startedAt),
    chatCompletions: async (body, reply, signal) => {
      let plan: ChatPlan
      try {
        plan = readChatRequest(body)
      } catch (error) {
        const failure = error instanceof OpenAiError ? error : new OpenAiError(400, String(error))
        return reply.json(failure.status, failure.body)
      }
      // A request made while a model loads waits for it, for a while.
      const readiness = await deps.readiness.settled(deps.loadWaitMs ?? 30_000)
      if (signal.aborted) return
      if (readiness === 'loading') {
        const failure = new OpenAiError(
          503,
          `The model is still loading; try again in ${LOADING_RETRY_AFTER_S} seconds.`,
          'server_error',
          null,
          'model_loading',
        )
        return reply.json(503, failure.body, { 'Retry-After': String(LOADING_RETRY_AFTER_S) })
      }
      return runCompletion(deps, plan, reply, signal)
    },
  }
}

function runCompletion(
  deps: OpenAiDeps,
  plan: ChatPlan,
  reply: OpenAiReply,
  signal: AbortSignal,
): Promise<void> {
  const requestId = `chatcmpl-${randomUUID()}`
  const head: CompletionHead = {
    id: requestId,
    created: Math.floor(Date.now() / 1000),
    model: deps.model()?.name ?? 'quire',
  }
  const stop = new StopMatcher(plan.stop)
  let text = ''
  let streaming = false
  let stopped = false

  const startStream = () => {
    if (streaming) return
    streaming = true
    reply.event(chunkOf(head, { role: 'assistant', content: '' }, null, plan.includeUsage))
  }
  const show = (piece: string) => {
    if (!piece) return
    text += piece
    if (!plan.stream) return
    startStream()
    reply.event(chunkOf(head, { content: piece }, null, plan.includeUsage))
  }
  const fail = (failure: OpenAiError) => {
    if (!streaming) return reply.json(failure.status, failure.body)
    reply.event(failure.body)
    reply.end()
  }

  return new Promise<void>((resolve) => {
    const cancel = () => deps.generation.cancel(client, requestId)
    const finish = () => {
      signal.removeEventListener('abort', cancel)
      resolve()
    }
    const handle = (event: GenerationEvent): void => {
      switch (event.type) {
        case 'waiting':
        case 'started':
        case 'retry':
          return
        case 'delta': {
          if (stopped) return
          const shown = stop.push(event.text)
          show(shown.text)
          // A stop string ends the answer here; the engine is told to stop writing.
          if (shown.stopped) {
            stopped = true
            cancel()
          }
          return
        }
        case 'done': {
          if (!stopped) show(stop.flush())
          if (signal.aborted) return finish()
          const finishReason = stopped ? 'stop' : finishReasonOf(event.stats.stopReason)
          const usage = usageOf(event.stats)
          if (plan.stream) {
            startStream()
            reply.event(chunkOf(head, {}, finishReason, plan.includeUsage))
            if (plan.includeUsage) reply.event(usageChunkOf(head, usage))
            reply.end()
          } else {
            reply.json(200, completionOf(head, text, finishReason, usage))
          }
          return finish()
        }
        case 'error':
          fail(openAiErrorOf(event.code, event.message))
          return finish()
        default:
          void (event satisfies never)
      }
    }
    // Each HTTP request is a client of its own: it sees its own events only.
    const client: GenerationClient = { id: requestId, send: handle }
    signal.addEventListener('abort', cancel, { once: true })
    deps.generation.generate(client, requestId, { job: plan.job, finishing: null })
    if (signal.aborted) cancel()
  })
}
