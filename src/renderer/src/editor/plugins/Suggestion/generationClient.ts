import {
  isFinalEvent,
  isGenerationEvent,
  refOf,
  toErrorPayload,
  type GenerateCall,
  type QuireApi,
} from '@shared/contract'
import type { AlternativeAction } from './alternative'
import { pacedFrames, type Frames } from './pacedFrames'

export type { Frames }

/** The card's side of its requests: send them under the ids the card minted, cancel them, hear their events. */
export type GenerationClient = {
  /** Sends a request whose id the caller has minted (and told its reducer about). */
  run(call: GenerateCall): void
  /** Cancels one request; works before the host has even seen it. */
  cancel(requestId: string): void
  /** Stops listening; running requests are cancelled. */
  dispose(): void
}

/** A fresh 32-bit sampling seed, so answers written in parallel differ. */
export function mintSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] ?? 0
}

/**
 * Connects the suggestion reducer to the host. Several requests may run at once (Retry while
 * one streams, "Write N versions"); only their ids are kept here, to cancel them and to ignore
 * every other request's events. Deltas are gathered per request and dispatched once per
 * animation frame, and at most every 50 ms (pacedFrames), so a fast model does not cost one React
 * render per token, nor a long document's full frame 60 times a second.
 */
export function createGenerationClient(
  api: QuireApi,
  dispatch: (action: AlternativeAction) => void,
  frames: Frames = pacedFrames(),
): GenerationClient {
  const live = new Set<string>()
  const pending = new Map<string, { text: string; tokens: number }>()
  let frame: number | null = null

  const flush = (): void => {
    if (frame !== null) frames.cancel(frame)
    frame = null
    const gathered = [...pending]
    pending.clear()
    for (const [requestId, { text, tokens }] of gathered)
      dispatch({ type: 'deltas', requestId, text, tokens })
  }

  const unsubscribe = api.onEvent((event) => {
    if (!isGenerationEvent(event) || !live.has(event.requestId)) return
    if (event.type === 'delta') {
      const gathered = pending.get(event.requestId)
      if (gathered) {
        gathered.text += event.text
        gathered.tokens = event.tokens
      } else pending.set(event.requestId, { text: event.text, tokens: event.tokens })
      frame ??= frames.request(flush)
      return
    }
    flush()
    if (isFinalEvent(event)) live.delete(event.requestId)
    dispatch({ type: 'event', event })
  })

  const cancel = (requestId: string): void => {
    if (!live.has(requestId)) return
    void api.cancel({ requestId }).catch(() => {})
  }

  return {
    run(call) {
      live.add(call.requestId)
      api.generate(call).catch((error: unknown) => {
        live.delete(call.requestId)
        const { code, message, ...ref } = toErrorPayload(error)
        dispatch({ type: 'failed', requestId: call.requestId, code, message, ...refOf(ref) })
      })
    },
    cancel,
    dispose() {
      for (const requestId of live) cancel(requestId)
      live.clear()
      pending.clear()
      if (frame !== null) frames.cancel(frame)
      unsubscribe()
    },
  }
}
