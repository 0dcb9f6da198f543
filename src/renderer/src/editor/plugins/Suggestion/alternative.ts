import {
  refOf,
  type DoneEvent,
  type ErrorCode,
  type GenerationEvent,
  type MessageRef,
  type StartedEvent,
} from '@shared/contract'
import { cleanPartial } from '@shared/postprocess'
import type { StepSpec } from '@shared/postprocess/stepSpec'

/** Why an answer waits: the request is on its way, the model is loading, or others are writing. */
export type WaitReason = 'sending' | 'model-loading' | 'queued'

type Common = {
  /** The request this answer follows; events of any other request are ignored. */
  requestId: string
  /** The sampling seed sent with the request, so parallel versions differ. */
  seed: number
  /** The raw text streamed so far in this attempt. */
  raw: string
  /** Tokens generated so far in this attempt. */
  tokens: number
  /** What was sent to the model, from this request's latest `started` event; null until it arrives. */
  sent: StartedEvent | null
  /** Set after a `retry` event: the first answer was in the wrong language. */
  retrying: boolean
}

/** One answer for the card's passage: a request of its own, from sending to its end. */
export type Alternative =
  | (Common & { phase: 'waiting'; reason: WaitReason })
  | (Common & { phase: 'streaming' })
  | (Common & { phase: 'done'; result: DoneEvent })
  | (Common & { phase: 'error'; code: ErrorCode; message: string } & MessageRef)

/** What an alternative hears: one request event, gathered deltas, or the `generate` call failing. */
export type AlternativeAction =
  | { type: 'event'; event: Exclude<GenerationEvent, { type: 'delta' }> }
  /** Deltas come gathered (`text` of several, `tokens` of the last). */
  | { type: 'deltas'; requestId: string; text: string; tokens: number }
  /** The `generate` call itself failed (the host refused the request). */
  | ({ type: 'failed'; requestId: string; code: ErrorCode; message: string } & MessageRef)

/** A request just minted, not yet heard of by the host. */
export const newAlternative = (requestId: string, seed: number): Alternative => ({
  phase: 'waiting',
  reason: 'sending',
  requestId,
  seed,
  raw: '',
  tokens: 0,
  sent: null,
  retrying: false,
})

/** Whether the alternative still waits for events of its request. */
export const isRunning = (
  alternative: Alternative,
): alternative is Extract<Alternative, { phase: 'waiting' | 'streaming' }> =>
  alternative.phase === 'waiting' || alternative.phase === 'streaming'

/** The request an action is about. */
export const actionRequestId = (action: AlternativeAction): string =>
  action.type === 'event' ? action.event.requestId : action.requestId

/** The next state of one alternative; finished ones no longer change. */
export function alternativeReducer(alt: Alternative, action: AlternativeAction): Alternative {
  if (!isRunning(alt) || alt.requestId !== actionRequestId(action)) return alt
  switch (action.type) {
    case 'deltas':
      return { ...alt, phase: 'streaming', raw: alt.raw + action.text, tokens: action.tokens }
    case 'failed':
      return {
        ...alt,
        phase: 'error',
        code: action.code,
        message: action.message,
        ...refOf(action),
      }
    case 'event':
      return onEvent(alt, action.event)
    default:
      return action satisfies never
  }
}

function onEvent(
  alt: Alternative,
  event: Exclude<GenerationEvent, { type: 'delta' }>,
): Alternative {
  switch (event.type) {
    case 'waiting':
      // Waiting for another answer (Compare's two models) is, for a card, waiting in line.
      return {
        ...alt,
        phase: 'waiting',
        reason: event.reason === 'other-answer' ? 'queued' : event.reason,
      }
    case 'started':
      return { ...alt, phase: 'streaming', sent: event, raw: '', tokens: 0 }
    case 'retry':
      return { ...alt, phase: 'streaming', raw: '', tokens: 0, retrying: true }
    case 'done':
      return { ...alt, phase: 'done', raw: event.raw, result: event }
    case 'error':
      return { ...alt, phase: 'error', code: event.code, message: event.message, ...refOf(event) }
    default:
      return event satisfies never
  }
}

// A streaming answer is cleaned once per state: the card asks for its text several times per
// render, and cleaning reads the whole answer (thousands of characters by the end of a long one).
const cleaned = new WeakMap<Alternative, { postprocess: readonly StepSpec[]; text: string }>()

/** The answer's text: cleaned as it streams, then the finished cleaning (or the raw text when asked). */
export function answerText(
  alt: Alternative,
  postprocess: readonly StepSpec[],
  showRaw = false,
): string {
  if (alt.phase === 'done') return showRaw ? alt.result.raw : alt.result.text
  if (alt.phase === 'error') return ''
  const known = cleaned.get(alt)
  if (known?.postprocess === postprocess) return known.text
  const text = cleanPartial(alt.raw, postprocess)
  cleaned.set(alt, { postprocess, text })
  return text
}
