import type { PromptSummary } from '@shared/contract'
import type { SuggestionTarget } from './target'
import {
  alternativeReducer,
  answerText,
  isRunning,
  newAlternative,
  type Alternative,
  type AlternativeAction,
} from './alternative'

export type { Alternative, WaitReason } from './alternative'

/** The prompt being run, as the card needs it. */
export type RunningPrompt = Pick<PromptSummary, 'id' | 'title' | 'kind' | 'apply' | 'postprocess'>

/** A request minted for the card: its id and the seed it is sent with. */
export type MintedRequest = { requestId: string; seed: number }

/** The card for one passage: every answer asked for it, and which one is shown. */
export type OpenSuggestion = {
  phase: 'open'
  prompt: RunningPrompt
  target: SuggestionTarget
  /** The values the writer gave the prompt's fields. */
  variables: Record<string, string>
  /** Every answer for this passage, oldest first (Retry and "Write N versions" add to them). */
  alternatives: readonly [Alternative, ...Alternative[]]
  /** The index of the answer shown, which Accept takes. */
  shown: number
  /** Answers written together and shown together (side by side, or as tabs); null: one at a time. */
  versions: { from: number; count: number } | null
  /** The shown answer as the model wrote it, before cleaning. */
  showRaw: boolean
  /** The shown answer as changes to the passage (rewrites). */
  showDiff: boolean
  /** Accept found the passage edited since the action ran, and changed nothing. */
  refused: boolean
}

/** The suggestion card's whole state: one object, one reducer. */
export type SuggestionState = { phase: 'idle' } | OpenSuggestion

export type SuggestionAction =
  | {
      type: 'open'
      requests: readonly [MintedRequest, ...MintedRequest[]]
      prompt: RunningPrompt
      target: SuggestionTarget
      variables: Record<string, string>
    }
  /** More answers for the open card's passage (Retry, "Write N versions"); the first new one is shown. */
  | { type: 'add'; requests: readonly [MintedRequest, ...MintedRequest[]] }
  | AlternativeAction
  | { type: 'show'; index: number }
  | { type: 'step'; by: -1 | 1 }
  | { type: 'toggle-raw' }
  | { type: 'toggle-diff' }
  | { type: 'refused' }
  | { type: 'close' }

export const idleSuggestion: SuggestionState = { phase: 'idle' }

const alternativesOf = (
  requests: readonly [MintedRequest, ...MintedRequest[]],
): [Alternative, ...Alternative[]] => {
  const [first, ...rest] = requests.map(({ requestId, seed }) => newAlternative(requestId, seed))
  return [first!, ...rest]
}

const batch = (from: number, count: number): OpenSuggestion['versions'] =>
  count > 1 ? { from, count } : null

/** The shown index moved to `index`; leaving the versions shown together goes back to one at a time. */
function show(card: OpenSuggestion, index: number): OpenSuggestion {
  const shown = Math.max(0, Math.min(index, card.alternatives.length - 1))
  const { versions } = card
  const inVersions = versions && shown >= versions.from && shown < versions.from + versions.count
  return { ...card, shown, versions: inVersions ? versions : null, showRaw: false }
}

function openReducer(card: OpenSuggestion, action: SuggestionAction): SuggestionState {
  switch (action.type) {
    case 'open':
      return suggestionReducer(idleSuggestion, action)
    case 'add': {
      const from = card.alternatives.length
      return {
        ...card,
        alternatives: [...card.alternatives, ...alternativesOf(action.requests)],
        shown: from,
        versions: batch(from, action.requests.length),
        showRaw: false,
        refused: false,
      }
    }
    case 'event':
    case 'deltas':
    case 'failed': {
      const [first, ...rest] = card.alternatives.map((alt) => alternativeReducer(alt, action))
      const changed = rest.some((alt, i) => alt !== card.alternatives[i + 1])
      return first !== card.alternatives[0] || changed
        ? { ...card, alternatives: [first!, ...rest] }
        : card
    }
    case 'show':
      return show(card, action.index)
    case 'step':
      return show(card, card.shown + action.by)
    case 'toggle-raw':
      return { ...card, showRaw: !card.showRaw }
    case 'toggle-diff':
      return { ...card, showDiff: !card.showDiff }
    case 'refused':
      return { ...card, refused: true }
    case 'close':
      return idleSuggestion
    default:
      return action satisfies never
  }
}

/** The card's reducer: answers are added, hear their own request's events, and are browsed. */
export function suggestionReducer(
  state: SuggestionState,
  action: SuggestionAction,
): SuggestionState {
  if (state.phase === 'open') return openReducer(state, action)
  if (action.type !== 'open') return state
  return {
    phase: 'open',
    prompt: action.prompt,
    target: action.target,
    variables: action.variables,
    alternatives: alternativesOf(action.requests),
    shown: 0,
    versions: batch(0, action.requests.length),
    showRaw: false,
    showDiff: false,
    refused: false,
  }
}

/** The answer the card shows (and Accept takes). */
export const shownAlternative = (card: OpenSuggestion): Alternative =>
  card.alternatives[card.shown] ?? card.alternatives[0]

/** The requests of the card still running, to cancel them. */
export const runningRequestIds = (state: SuggestionState): string[] =>
  state.phase === 'open' ? state.alternatives.filter(isRunning).map((alt) => alt.requestId) : []

/** The text the card shows for its shown answer, and Accept inserts. */
export function visibleText(state: SuggestionState): string {
  if (state.phase === 'idle') return ''
  return answerText(shownAlternative(state), state.prompt.postprocess, state.showRaw)
}

/** Whether the shown answer is finished with text Accept can insert. */
export function canAccept(state: SuggestionState): boolean {
  return (
    state.phase === 'open' &&
    !state.refused &&
    shownAlternative(state).phase === 'done' &&
    visibleText(state).trim() !== ''
  )
}
