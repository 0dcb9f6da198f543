import {
  isFinalEvent,
  isGenerationEvent,
  toErrorPayload,
  type GenerateRequest,
  type QuireApi,
} from '@shared/contract'
import type { SuggestionAction } from './suggestionState'

type Frames = {
  request(callback: () => void): number
  cancel(handle: number): void
}

const animationFrames: Frames = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
}

/** The card's side of a request: start it under a fresh id, cancel it, and hear its events. */
export type GenerationClient = {
  /** Mints a request id, dispatches `start` through `begin`, then sends the request. */
  run(request: GenerateRequest, begin: (requestId: string) => void): string
  /** Cancels the running request, if any; works before the host has even seen it. */
  cancel(): void
  /** Stops listening; a running request is cancelled. */
  dispose(): void
}

/**
 * Connects the suggestion reducer to the host. Only the request id is kept here, to cancel it:
 * everything else about the request lives in the reducer, which ignores events of any other id.
 * A new `run` cancels the previous request first, so one card follows one request. Deltas are
 * gathered and dispatched once per animation frame, so a fast model does not cost one React
 * render per token.
 */
export function createGenerationClient(
  api: QuireApi,
  dispatch: (action: SuggestionAction) => void,
  frames: Frames = animationFrames,
): GenerationClient {
  let current: string | null = null
  let pending: { requestId: string; text: string; tokens: number } | null = null
  let frame: number | null = null

  const flush = (): void => {
    if (frame !== null) frames.cancel(frame)
    frame = null
    if (pending) dispatch({ type: 'deltas', ...pending })
    pending = null
  }

  const unsubscribe = api.onEvent((event) => {
    if (!isGenerationEvent(event) || event.requestId !== current) return
    if (event.type === 'delta') {
      if (pending) {
        pending.text += event.text
        pending.tokens = event.tokens
      } else pending = { requestId: event.requestId, text: event.text, tokens: event.tokens }
      frame ??= frames.request(flush)
      return
    }
    flush()
    if (isFinalEvent(event)) current = null
    dispatch({ type: 'event', event })
  })

  const cancel = (): void => {
    const requestId = current
    if (requestId === null) return
    void api.cancel({ requestId }).catch(() => {})
  }

  return {
    run(request, begin) {
      cancel()
      flush()
      const requestId = crypto.randomUUID()
      current = requestId
      begin(requestId)
      api.generate({ ...request, requestId }).catch((error: unknown) => {
        if (current === requestId) current = null
        const { code, message } = toErrorPayload(error)
        dispatch({ type: 'failed', requestId, code, message })
      })
      return requestId
    },
    cancel,
    dispose() {
      cancel()
      current = null
      if (frame !== null) frames.cancel(frame)
      unsubscribe()
    },
  }
}
