import { joiningSpace, leadingWord } from '@shared/text/words'
import {
  alternativeReducer,
  answerText,
  newAlternative,
  type Alternative,
  type AlternativeAction,
} from '../Suggestion/alternative'
import type { RunningPrompt } from '../Suggestion/suggestionState'

/** Where the cursor was when the continuation was asked for (a Lexical point). */
export type GhostAnchor = { key: string; offset: number; type: 'text' | 'element' }

/** The continuation shown as grey text after the cursor: its request, and how much of it the writer has taken. */
export type GhostState =
  | { phase: 'idle' }
  | {
      phase: 'open'
      prompt: RunningPrompt
      answer: Alternative
      anchor: GhostAnchor
      /** The text before the cursor, to join the continuation to it (a space between English words). */
      textBefore: string
      /** Characters of the continuation already accepted word by word. */
      taken: number
    }

export type GhostAction =
  | {
      type: 'open'
      requestId: string
      seed: number
      prompt: RunningPrompt
      anchor: GhostAnchor
      textBefore: string
    }
  | AlternativeAction
  /** Some of the continuation went into the document; the cursor is now at `anchor`. */
  | { type: 'took'; count: number; anchor: GhostAnchor }
  | { type: 'dismiss' }

export const idleGhost: GhostState = { phase: 'idle' }

/** The ghost's reducer: it follows one request and shrinks as the writer takes words. */
export function ghostReducer(state: GhostState, action: GhostAction): GhostState {
  switch (action.type) {
    case 'open':
      return {
        phase: 'open',
        prompt: action.prompt,
        answer: newAlternative(action.requestId, action.seed),
        anchor: action.anchor,
        textBefore: action.textBefore,
        taken: 0,
      }
    case 'event':
    case 'deltas':
    case 'failed': {
      if (state.phase !== 'open') return state
      const answer = alternativeReducer(state.answer, action)
      return answer === state.answer ? state : { ...state, answer }
    }
    case 'took':
      return state.phase === 'open'
        ? { ...state, taken: state.taken + action.count, anchor: action.anchor }
        : state
    case 'dismiss':
      return idleGhost
    default:
      return action satisfies never
  }
}

/**
 * The continuation still to take, as it goes in after the cursor: with a space first when it
 * joins two English words, without the blank lines a model likes to open with.
 */
export function ghostRemaining(state: GhostState): string {
  if (state.phase !== 'open') return ''
  const text = answerText(state.answer, state.prompt.postprocess).trimStart()
  if (text === '') return ''
  return (joiningSpace(state.textBefore, text) + text).slice(state.taken)
}

/** The next word of what is left (the next `Intl.Segmenter` word for Chinese), as Mod+→ takes it. */
export function ghostNextWord(state: GhostState): string {
  return leadingWord(ghostRemaining(state))
}
