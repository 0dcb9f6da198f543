import {
  refOf,
  type DoneEvent,
  type ErrorCode,
  type GenerationEvent,
  type MessageRef,
  type PromptSummary,
  type StartedEvent,
} from '@shared/contract'
import { cleanPartial } from '@shared/postprocess'
import type { SuggestionTarget } from './target'

/** The prompt being run, as the card needs it. */
export type RunningPrompt = Pick<PromptSummary, 'id' | 'title' | 'kind' | 'apply' | 'postprocess'>

/** Why the card waits: the request is on its way, the model is loading, or others are writing. */
export type WaitReason = 'sending' | 'model-loading' | 'queued'

type Common = {
  /** The request this card follows; events of any other request are ignored. */
  requestId: string
  prompt: RunningPrompt
  target: SuggestionTarget
  /** The values the writer gave the prompt's fields. */
  variables: Record<string, string>
  /** The raw text streamed so far in this attempt. */
  raw: string
  /** Tokens generated so far in this attempt. */
  tokens: number
  /** What was sent to the model, from the latest `started` event; null until it arrives. */
  sent: StartedEvent | null
  /** Set after a `retry` event: the first answer was in the wrong language. */
  retrying: boolean
}

/** The suggestion card's whole state: one object, one reducer, one request id. */
export type SuggestionState =
  | { phase: 'idle' }
  | (Common & { phase: 'waiting'; reason: WaitReason })
  | (Common & { phase: 'streaming' })
  | (Common & {
      phase: 'done'
      result: DoneEvent
      showRaw: boolean
      /** Accept found the passage edited since the action ran, and changed nothing. */
      refused: boolean
    })
  | (Common & { phase: 'error'; code: ErrorCode; message: string } & MessageRef)

export type ActiveSuggestion = Exclude<SuggestionState, { phase: 'idle' }>

export type SuggestionAction =
  | {
      type: 'start'
      requestId: string
      prompt: RunningPrompt
      target: SuggestionTarget
      variables: Record<string, string>
    }
  /** One request event; deltas come gathered (`text` of several, `tokens` of the last). */
  | { type: 'event'; event: Exclude<GenerationEvent, { type: 'delta' }> }
  | { type: 'deltas'; requestId: string; text: string; tokens: number }
  /** The `generate` call itself failed (the host refused the request). */
  | { type: 'failed'; requestId: string; code: ErrorCode; message: string }
  | { type: 'toggle-raw' }
  | { type: 'refused' }
  | { type: 'close' }

export const idleSuggestion: SuggestionState = { phase: 'idle' }

const running = (
  state: SuggestionState,
): state is Extract<SuggestionState, { phase: 'waiting' | 'streaming' }> =>
  state.phase === 'waiting' || state.phase === 'streaming'

/** Whether the card still waits for events of its request. */
export const isRunning = running

function onEvent(
  state: Extract<SuggestionState, { phase: 'waiting' | 'streaming' }>,
  event: Exclude<GenerationEvent, { type: 'delta' }>,
): SuggestionState {
  switch (event.type) {
    case 'waiting':
      return { ...state, phase: 'waiting', reason: event.reason }
    case 'started':
      return { ...state, phase: 'streaming', sent: event, raw: '', tokens: 0 }
    case 'retry':
      return { ...state, phase: 'streaming', raw: '', tokens: 0, retrying: true }
    case 'done':
      return {
        ...state,
        phase: 'done',
        raw: event.raw,
        result: event,
        showRaw: false,
        refused: false,
      }
    case 'error':
      return { ...state, phase: 'error', code: event.code, message: event.message, ...refOf(event) }
    default:
      return event satisfies never
  }
}

export function suggestionReducer(
  state: SuggestionState,
  action: SuggestionAction,
): SuggestionState {
  switch (action.type) {
    case 'start':
      return {
        phase: 'waiting',
        reason: 'sending',
        requestId: action.requestId,
        prompt: action.prompt,
        target: action.target,
        variables: action.variables,
        raw: '',
        tokens: 0,
        sent: null,
        retrying: false,
      }
    case 'event':
      return running(state) && state.requestId === action.event.requestId
        ? onEvent(state, action.event)
        : state
    case 'deltas':
      return running(state) && state.requestId === action.requestId
        ? { ...state, phase: 'streaming', raw: state.raw + action.text, tokens: action.tokens }
        : state
    case 'failed':
      return running(state) && state.requestId === action.requestId
        ? { ...state, phase: 'error', code: action.code, message: action.message }
        : state
    case 'toggle-raw':
      return state.phase === 'done' ? { ...state, showRaw: !state.showRaw } : state
    case 'refused':
      return state.phase === 'done' ? { ...state, refused: true } : state
    case 'close':
      return idleSuggestion
    default:
      return action satisfies never
  }
}

/** The text the card shows, and Accept inserts: cleaned as it streams, then the finished cleaning. */
export function visibleText(state: SuggestionState): string {
  if (state.phase === 'idle') return ''
  if (state.phase === 'done') return state.showRaw ? state.result.raw : state.result.text
  return cleanPartial(state.raw, state.prompt.postprocess)
}
