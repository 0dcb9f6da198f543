import {
  refOf,
  type DoneEvent,
  type GenerationEvent,
  type MessageRef,
  type StartedEvent,
} from '@shared/contract'
import { scoreAnswer, type AnswerScore, type ScoreContext } from '@shared/eval'

/** One of several answers to the same request, sampled with its own seed. */
export type Sample = {
  requestId: string
  seed: number
  phase: 'waiting' | 'streaming' | 'done' | 'error'
  /** The text so far; the cleaned answer once done. */
  text: string
  tokens: number
  started: StartedEvent | null
  done: DoneEvent | null
  /** What went wrong, with the key and values to word it in the writer's language. */
  error: ({ code: string; message: string } & MessageRef) | null
  /** The metrics' verdict, once done (the same scoring as `quire eval`). */
  score: AnswerScore | null
}

/** N samples of one request and how they are scored. */
export type SampleSet = { samples: Sample[]; scoring: ScoreContext }

/** What moves a sample set on: the host's events, deltas gathered over a frame, a refused send. */
export type SampleAction =
  | { type: 'event'; event: GenerationEvent }
  | { type: 'deltas'; requestId: string; text: string; tokens: number }
  | ({ type: 'failed'; requestId: string; code: string; message: string } & MessageRef)

/** A new set: every sample waiting. */
export function newSampleSet(
  requests: readonly { requestId: string; seed: number }[],
  scoring: ScoreContext,
): SampleSet {
  return {
    scoring,
    samples: requests.map(({ requestId, seed }) => ({
      requestId,
      seed,
      phase: 'waiting',
      text: '',
      tokens: 0,
      started: null,
      done: null,
      error: null,
      score: null,
    })),
  }
}

function update(sample: Sample, action: SampleAction, scoring: ScoreContext): Sample {
  if (sample.phase === 'done' || sample.phase === 'error') return sample
  if (action.type === 'deltas')
    return { ...sample, phase: 'streaming', text: sample.text + action.text, tokens: action.tokens }
  if (action.type === 'failed')
    return {
      ...sample,
      phase: 'error',
      error: { code: action.code, message: action.message, ...refOf(action) },
    }
  const event = action.event
  switch (event.type) {
    case 'waiting':
      return sample
    case 'started':
      return { ...sample, started: event, text: '', tokens: 0 }
    case 'delta':
      return { ...sample, phase: 'streaming', text: sample.text + event.text, tokens: event.tokens }
    case 'retry':
      return { ...sample, text: '', tokens: 0 }
    case 'done':
      return {
        ...sample,
        phase: 'done',
        text: event.text,
        tokens: event.stats.generatedTokens,
        done: event,
        score: scoreAnswer(event.text, scoring),
      }
    case 'error':
      return {
        ...sample,
        phase: 'error',
        error: { code: event.code, message: event.message, ...refOf(event) },
      }
    default:
      void (event satisfies never)
      return sample
  }
}

/** Applies one action to the sample it names; other samples are left as they are. */
export function sampleSetReducer(set: SampleSet, action: SampleAction): SampleSet {
  const requestId = action.type === 'event' ? action.event.requestId : action.requestId
  const at = set.samples.findIndex((sample) => sample.requestId === requestId)
  const sample = set.samples[at]
  if (!sample) return set
  const next = update(sample, action, set.scoring)
  if (next === sample) return set
  const samples = [...set.samples]
  samples[at] = next
  return { ...set, samples }
}

/** Whether every sample has ended (answered or failed). */
export function isSettled(set: SampleSet): boolean {
  return set.samples.every((sample) => sample.phase === 'done' || sample.phase === 'error')
}

/**
 * The samples in the order to show them: while any still runs, as they were started; once all
 * have ended, the best first (by score, the earlier on a tie), failures last.
 */
export function orderedSamples(set: SampleSet): Sample[] {
  if (!isSettled(set)) return set.samples
  const index = new Map(set.samples.map((sample, i) => [sample.requestId, i]))
  return [...set.samples].sort(
    (a, b) =>
      (b.score?.score ?? -1) - (a.score?.score ?? -1) ||
      (index.get(a.requestId) ?? 0) - (index.get(b.requestId) ?? 0),
  )
}

/** A fresh 32-bit seed (llama.cpp's range). */
export const freshSeed = (): number => crypto.getRandomValues(new Uint32Array(1))[0] ?? 0
