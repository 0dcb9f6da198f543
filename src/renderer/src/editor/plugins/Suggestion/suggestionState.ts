import type { GenerationStats } from '@shared/contract'
import type { SuggestionTarget } from './target'

type Common = { promptId: string; title: string; target: SuggestionTarget; text: string }

/** The suggestion card's whole state: one object, one reducer. */
export type SuggestionState =
  | { phase: 'idle' }
  | (Common & { phase: 'starting' })
  | (Common & { phase: 'streaming'; requestId: string })
  | (Common & { phase: 'done'; requestId: string; stats: GenerationStats })
  | (Common & { phase: 'failed'; message: string })

export type SuggestionAction =
  | { type: 'start'; promptId: string; title: string; target: SuggestionTarget }
  | { type: 'started'; requestId: string }
  | { type: 'append'; requestId: string; text: string }
  | { type: 'done'; requestId: string; text: string; stats: GenerationStats }
  | { type: 'failed'; requestId: string | null; message: string }
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
        promptId: action.promptId,
        title: action.title,
        target: action.target,
        text: '',
      }
    case 'started':
      return state.phase === 'starting'
        ? { ...state, phase: 'streaming', requestId: action.requestId }
        : state
    case 'append':
      return state.phase === 'streaming' && belongs(state, action.requestId)
        ? { ...state, text: state.text + action.text }
        : state
    case 'done':
      return state.phase === 'streaming' && belongs(state, action.requestId)
        ? { ...state, phase: 'done', text: action.text, stats: action.stats }
        : state
    case 'failed':
      return (state.phase === 'starting' || state.phase === 'streaming') &&
        belongs(state, action.requestId)
        ? {
            phase: 'failed',
            promptId: state.promptId,
            title: state.title,
            target: state.target,
            text: state.text,
            message: action.message,
          }
        : state
    case 'close':
      return idleSuggestion
    default:
      return action satisfies never
  }
}
