import {
  emptyStats,
  type DoneEvent,
  type GenerationStats,
  type Language,
  type StartedEvent,
  type StopReason,
} from '@shared/contract'
import {
  PostprocessStepError,
  runPipeline,
  type PhrasePair,
  type PipelineResult,
  type StepSpec,
} from '@shared/postprocess'
import type { EngineJob } from '../engine/backend'
import { firmerLanguageInstruction } from './firmerInstruction'

/** How a finished answer is cleaned: the prompt's steps in the request's language. */
export type Finishing = {
  steps: readonly StepSpec[]
  language: Language
  replacements?: readonly PhrasePair[] | undefined
}

/** A `done` event without its request id. */
export type Answer = Omit<DoneEvent, 'type' | 'requestId'>
type Flags = Answer['flags']

/**
 * What becomes of an attempt's text: the answer, or one more attempt with a firmer prompt (and
 * the first answer as it is, for when that attempt cannot run).
 */
export type Outcome =
  | { kind: 'done'; answer: Answer }
  | { kind: 'retry'; prompt: EngineJob['prompt']; firstAnswer: Answer }

const noFlags: Flags = { languageMismatch: false, keptRaw: false, truncated: false }

/**
 * Cleans the text, or, when the pipeline throws (a bug, or input it cannot handle), keeps the
 * raw text with the failed step named: a writer gets the model's answer, and the host lives on.
 */
function cleanOrKeepRaw(raw: string, finishing: Finishing): PipelineResult & { flags: Flags } {
  try {
    return runPipeline(raw, finishing.steps, {
      language: finishing.language,
      replacements: finishing.replacements,
    })
  } catch (error) {
    const step = error instanceof PostprocessStepError ? error.step : 'pipeline'
    console.error(`quire: post-processing failed in ${step}; the raw answer is kept`, error)
    return { text: raw, raw, changes: [], flags: { ...noFlags, postprocessFailed: step } }
  }
}

/**
 * Finishes an attempt: the stop reason is `budget` when Quire stopped it for its length; the
 * text is post-processed; a first answer in the wrong language that nobody stopped is tried once
 * more, with the messages that were sent made firmer. Without `finishing` the raw text is the
 * answer; so it is, flagged, when a step throws.
 */
export function finishAnswer(attempt: {
  raw: string
  stats: GenerationStats
  finishing: Finishing | null
  number: number
  /** Why Quire asked the backend to stop, if it did. */
  stopping: StopReason | null
  /** What this attempt sent. */
  sent: StartedEvent | null
}): Outcome {
  const { raw, finishing } = attempt
  // Quire asked for a budget stop: the answer was long enough, whether the backend then aborted
  // or reached its own end before the cancel arrived (a busy machine delivers it late).
  const budgetStop = attempt.stopping === 'budget' && attempt.stats.stopReason !== 'deadline'
  const stats = budgetStop ? { ...attempt.stats, stopReason: 'budget' as const } : attempt.stats
  if (!finishing)
    return {
      kind: 'done',
      answer: { text: raw, raw, changes: [], flags: noFlags, retried: false, stats },
    }
  const cleaned = cleanOrKeepRaw(raw, finishing)
  const stopped = stats.stopReason === 'abort' || stats.stopReason === 'deadline'
  const sent = attempt.sent
  const answer: Answer = {
    text: cleaned.text,
    raw,
    changes: cleaned.changes,
    flags: cleaned.flags,
    retried: attempt.number > 1,
    stats,
  }
  if (cleaned.flags.languageMismatch && attempt.number === 1 && !stopped && sent) {
    const system = sent.messages.find((message) => message.role === 'system')?.content ?? ''
    const user = sent.messages.findLast((message) => message.role === 'user')?.content ?? ''
    const firmer = firmerLanguageInstruction(finishing.language)
    return {
      kind: 'retry',
      prompt: { kind: 'messages', system, user: `${user}\n\n${firmer}` },
      firstAnswer: answer,
    }
  }
  return { kind: 'done', answer }
}

/** The answer of a request that produced nothing: cancelled or out of time before it ran. */
export function emptyAnswer(reason: StopReason): Answer {
  return {
    text: '',
    raw: '',
    changes: [],
    flags: noFlags,
    retried: false,
    stats: emptyStats(reason),
  }
}
