import type {
  ErrorPayload,
  GenerationEvent,
  PromptSummary,
  StartedEvent,
  WaitingEvent,
} from '@shared/contract'
import type { GenerationOverridesInput } from '@shared/compare/configuration'
import type { VoteChoice } from '@shared/compare/vote'
import { cleanPartial } from '@shared/postprocess'
import type { SuggestionTarget } from '../editor/plugins/Suggestion/target'

/** `a` is the configuration the writer starts from, `b` the one tried against it. */
export type Side = 'a' | 'b'

/** One of the two configurations, as the writer picked it. */
export type Contender = {
  /** What the writer sees once labels are revealed, e.g. "Preset: Wild". */
  label: string
  overrides: GenerationOverridesInput
}

/** One answer as it streams in. */
export type Answer = {
  requestId: string
  phase: 'waiting' | 'streaming' | 'done' | 'error'
  /** The raw text so far; replaced by the cleaned answer when done. */
  raw: string
  text: string
  /** What ran: the configuration and its fingerprint come with it. */
  started: StartedEvent | null
  /** What it waits for before it starts: its model to load, a free engine. */
  waiting: WaitingEvent['reason'] | null
  /** Why it failed, with the key to word it in the writer's language. */
  error: ErrorPayload | null
}

export type ComparePrompt = Pick<PromptSummary, 'id' | 'title' | 'apply' | 'postprocess'>

/** The vote on this comparison: one id, so voting again replaces the vote. */
export type VoteState = {
  voteId: string
  choice: VoteChoice | null
  saving: boolean
  error: string | null
}

export type OpenComparison = {
  phase: 'open'
  prompt: ComparePrompt
  target: SuggestionTarget
  contenders: Record<Side, Contender>
  /** Which configuration's answer is on the left, drawn at random for each run. */
  shownFirst: Side
  answers: Record<Side, Answer>
  vote: VoteState
  /** Accept found the passage edited since the comparison ran, and changed nothing. */
  refused: boolean
}

export type CompareState = { phase: 'idle' } | OpenComparison

export type CompareAction =
  | {
      type: 'start'
      prompt: ComparePrompt
      target: SuggestionTarget
      contenders: Record<Side, Contender>
      requestIds: Record<Side, string>
      shownFirst: Side
      voteId: string
    }
  | { type: 'event'; event: GenerationEvent }
  | { type: 'vote'; choice: VoteChoice }
  | { type: 'voted' }
  | { type: 'vote-failed'; message: string }
  | { type: 'refused' }
  | { type: 'close' }

const fresh = (requestId: string): Answer => ({
  requestId,
  phase: 'waiting',
  raw: '',
  text: '',
  started: null,
  waiting: null,
  error: null,
})

function answerEvent(answer: Answer, event: GenerationEvent, prompt: ComparePrompt): Answer {
  switch (event.type) {
    case 'waiting':
      return { ...answer, waiting: event.reason }
    case 'started':
      return { ...answer, phase: 'streaming', started: event, waiting: null, raw: '', text: '' }
    case 'retry':
      return { ...answer, raw: '', text: '' }
    case 'delta': {
      const raw = answer.raw + event.text
      return { ...answer, phase: 'streaming', raw, text: cleanPartial(raw, prompt.postprocess) }
    }
    case 'done':
      return { ...answer, phase: 'done', raw: event.raw, text: event.text }
    case 'error': {
      const { code, message, key, params } = event
      return { ...answer, phase: 'error', waiting: null, error: { code, message, key, params } }
    }
    default:
      void (event satisfies never)
      return answer
  }
}

/** The Compare panel's whole state: two requests, the blind order, the vote. */
export function compareReducer(state: CompareState, action: CompareAction): CompareState {
  switch (action.type) {
    case 'start':
      return {
        phase: 'open',
        prompt: action.prompt,
        target: action.target,
        contenders: action.contenders,
        shownFirst: action.shownFirst,
        answers: { a: fresh(action.requestIds.a), b: fresh(action.requestIds.b) },
        vote: { voteId: action.voteId, choice: null, saving: false, error: null },
        refused: false,
      }
    case 'close':
      return { phase: 'idle' }
    default:
      break
  }
  if (state.phase !== 'open') return state
  switch (action.type) {
    case 'event': {
      const side = (['a', 'b'] as const).find(
        (s) => state.answers[s].requestId === action.event.requestId,
      )
      if (!side) return state
      const answer = answerEvent(state.answers[side], action.event, state.prompt)
      return { ...state, answers: { ...state.answers, [side]: answer } }
    }
    case 'vote':
      return { ...state, vote: { ...state.vote, choice: action.choice, saving: true, error: null } }
    case 'voted':
      return { ...state, vote: { ...state.vote, saving: false } }
    case 'vote-failed':
      return { ...state, vote: { ...state.vote, saving: false, error: action.message } }
    case 'refused':
      return { ...state, refused: true }
  }
}

/** Both answers are in (and neither failed): the writer can vote. */
export function canVote(state: OpenComparison): boolean {
  return state.answers.a.phase === 'done' && state.answers.b.phase === 'done'
}

/** Labels stay hidden until a vote has been stored. */
export function revealed(state: OpenComparison): boolean {
  return state.vote.choice !== null && !state.vote.saving && state.vote.error === null
}

/** The two sides in the order shown: left, then right. */
export function shownOrder(state: OpenComparison): [Side, Side] {
  return state.shownFirst === 'a' ? ['a', 'b'] : ['b', 'a']
}
