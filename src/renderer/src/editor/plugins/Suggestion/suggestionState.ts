import type { DoneEvent, PromptSummary } from '@shared/contract'
import { cleanPartial } from '@shared/postprocess'
import type { SuggestionTarget } from './target'

/** The prompt being run, as the card needs it. */
export type RunningPrompt = Pick<PromptSummary, 'id' | 'title' | 'kind' | 'apply' | 'postprocess'>

type Common = {
  prompt: RunningPrompt
  target: SuggestionTarget
  /** The values the writer gave the prompt's fields. */
  variables: Record<string, string>
  /** The raw text streamed so far. */
  raw: string
  /** Set after a `retry` event: the first answer was in the wrong language. */
  retrying: boolean
}

/** The suggestion card's whole state: one object, one reducer. */
export type SuggestionState =
  | { phase: 'idle' }
  | (Common & { phase: 'starting' })
  | (Common & { phase: 'streaming'; requestId: string })
  | (Common & { phase: 'done'; requestId: string; result: DoneEvent; showRaw: boolean })
  | (Common & { phase: 'failed'; message: string })

export type SuggestionAction =
  | {
      type: 'start'
      prompt: RunningPrompt
      target: SuggestionTarget
      variables: Record<string, string>
    }
  | { type: 'started'; requestId: string }
  | { type: 'append'; requestId: string; text: string }
  | { type: 'retry'; requestId: string }
  | { type: 'done'; result: DoneEvent }
  | { type: 'failed'; requestId: string | null; message: string }
  | { type: 'toggle-raw' }
  | { type: 'close' }

export const idleSuggestion: SuggestionState = { phase: 'idle' }

const belongs = (state: SuggestionState, requestId: string | null): boolean =>
  requestId === null
    ? state.phase === 'starting'
    : 'requestId' in state && state.requestId === requestId

export function suggestionReducer(
  state: SuggestionState,
  action: SuggestionAction,
): SuggestionState {
  switch (action.type) {
    case 'start':
      return {
        phase: 'starting',
        prompt: action.prompt,
        target: action.target,
        variables: action.variables,
        raw: '',
        retrying: false,
      }
    case 'started':
      return state.phase === 'starting'
        ? { ...state, phase: 'streaming', requestId: action.requestId }
        : state
    case 'append':
      return state.phase === 'streaming' && belongs(state, action.requestId)
        ? { ...state, raw: state.raw + action.text }
        : state
    case 'retry':
      return state.phase === 'streaming' && belongs(state, action.requestId)
        ? { ...state, raw: '', retrying: true }
        : state
    case 'done':
      return state.phase === 'streaming' && belongs(state, action.result.requestId)
        ? { ...state, phase: 'done', raw: action.result.raw, result: action.result, showRaw: false }
        : state
    case 'failed':
      return (state.phase === 'starting' || state.phase === 'streaming') &&
        belongs(state, action.requestId)
        ? {
            phase: 'failed',
            prompt: state.prompt,
            target: state.target,
            variables: state.variables,
            raw: state.raw,
            retrying: state.retrying,
            message: action.message,
          }
        : state
    case 'toggle-raw':
      return state.phase === 'done' ? { ...state, showRaw: !state.showRaw } : state
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
