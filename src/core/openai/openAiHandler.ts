import { randomUUID } from 'node:crypto'
import { QuireError } from '@shared/contract'
import type { BackendEvent, InferenceBackend } from '../engine/backend'
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

/** What the handler runs on: the current backend, and every event it emits (for all requests). */
export type OpenAiDeps = {
  /** A getter, so a backend swapped in by a settings change is used from then on. */
  backend: () => InferenceBackend
  subscribe: (listener: (event: BackendEvent) => void) => () => void
}

/** How an answer goes back to the client, whatever the transport. */
export type OpenAiReply = {
  /** The whole answer, or an error before any streaming began. */
  json(status: number, body: unknown): void
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

/** OpenAI's chat completion API on top of an inference backend. */
export function createOpenAiHandler(deps: OpenAiDeps): OpenAiHandler {
  const startedAt = Math.floor(Date.now() / 1000)
  return {
    listModels: () => modelListOf(deps.backend().getStatus().model, startedAt),
    chatCompletions: async (body, reply, signal) => {
      let plan: ChatPlan
      try {
        plan = readChatRequest(body)
      } catch (error) {
        const failure = error instanceof OpenAiError ? error : new OpenAiError(400, String(error))
        return reply.json(failure.status, failure.body)
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
  const backend = deps.backend()
  const requestId = `chatcmpl-${randomUUID()}`
  const head: CompletionHead = {
    id: requestId,
    created: Math.floor(Date.now() / 1000),
    model: backend.getStatus().model?.name ?? 'quire',
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
    const cancel = () => backend.cancel(requestId)
    const finish = () => {
      unsubscribe()
      signal.removeEventListener('abort', cancel)
      resolve()
    }
    const unsubscribe = deps.subscribe((event) => {
      if (event.type === 'status' || event.requestId !== requestId) return
      switch (event.type) {
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
    })
    signal.addEventListener('abort', cancel, { once: true })
    try {
      backend.generate({ ...plan.job, requestId })
      if (signal.aborted) cancel()
    } catch (error) {
      fail(
        error instanceof QuireError
          ? openAiErrorOf(error.code, error.message)
          : new OpenAiError(500, String(error), 'server_error'),
      )
      finish()
    }
  })
}
