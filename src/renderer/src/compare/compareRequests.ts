import {
  fromErrorPayload,
  isGenerationEvent,
  refOf,
  toErrorPayload,
  type GenerationEvent,
  type PromptSummary,
  type QuireApi,
} from '@shared/contract'
import { parsePromptFile } from '@shared/prompts/parsePrompt'
import type { SuggestionTarget } from '../editor/plugins/Suggestion/target'
import { challengerOverrides, type Challenger } from './challengers'
import type { Contender, Side } from './compareState'
import type { CompareStore } from './compareStore'

/** Compare's two requests: sending them, hearing their events, cancelling them. */
export type CompareRequests = {
  /** Hears the two streams' events (deltas applied once per frame); returns the teardown. */
  listen(): () => void
  /**
   * Cancels what runs, then sends both requests for a target: the action as it is (a) and with
   * the challenger (b), shown in random order. Resolves false when a newer launch or a `stop`
   * came first.
   */
  launch(
    prompt: PromptSummary,
    target: SuggestionTarget,
    challenger: Challenger,
    labels: Record<Side, string>,
  ): Promise<boolean>
  /** Cancels both requests and any launch still reading a prompt version. */
  stop(): void
}

/** A prompt's fields at their defaults: both configurations get the same input. */
const defaults = (prompt: PromptSummary) =>
  Object.fromEntries(prompt.variables.map((v) => [v.name, v.default]))

/** Connects the Compare store to the host; the store ignores events of other requests. */
export function createCompareRequests(
  api: QuireApi,
  store: CompareStore,
  random: () => number = Math.random,
): CompareRequests {
  let launches = 0

  const cancelRunning = (): void => {
    const now = store.get()
    if (now.phase !== 'open') return
    for (const side of ['a', 'b'] as const) {
      const answer = now.answers[side]
      if (answer.phase === 'waiting' || answer.phase === 'streaming')
        void api.cancel({ requestId: answer.requestId }).catch(() => {})
    }
  }

  /** The template body of a prompt version, read from the library. */
  const versionBody = async (challenger: Challenger, language: 'zh' | 'en') => {
    if (challenger.kind !== 'prompt') return undefined
    const { text } = await api.getPromptText({ id: challenger.id, language })
    const parsed = parsePromptFile(text, challenger.id, language)
    if (!parsed.ok) {
      // The first problem, keyed, so the card words it in the writer's language.
      const [problem] = parsed.problems
      throw fromErrorPayload({
        code: 'invalid-request',
        message: problem?.message ?? '',
        ...refOf(problem),
      })
    }
    return parsed.value.body
  }

  const fail = (requestId: string, error: unknown): void =>
    store.dispatch({ type: 'event', event: { type: 'error', requestId, ...toErrorPayload(error) } })

  return {
    listen() {
      let pending: GenerationEvent[] = []
      let frame: number | null = null
      const flush = (): void => {
        if (frame !== null) cancelAnimationFrame(frame)
        frame = null
        const events = pending
        pending = []
        for (const event of events) store.dispatch({ type: 'event', event })
      }
      const unsubscribe = api.onEvent((event) => {
        const now = store.get()
        if (!isGenerationEvent(event) || now.phase !== 'open') return
        const ours = [now.answers.a.requestId, now.answers.b.requestId]
        if (!ours.includes(event.requestId)) return
        pending.push(event)
        if (event.type === 'delta') frame ??= requestAnimationFrame(flush)
        else flush()
      })
      return () => {
        unsubscribe()
        if (frame !== null) cancelAnimationFrame(frame)
      }
    },

    async launch(prompt, target, challenger, labels) {
      const launch = ++launches
      cancelRunning()
      let body: string | undefined
      let unreadable: unknown = null
      try {
        body = await versionBody(challenger, prompt.language)
      } catch (error) {
        unreadable = error
      }
      if (launch !== launches) return false
      const contenders: Record<Side, Contender> = {
        a: { label: labels.a, overrides: {} },
        b: { label: labels.b, overrides: challengerOverrides(challenger, body) },
      }
      const requestIds = { a: crypto.randomUUID(), b: crypto.randomUUID() }
      store.dispatch({
        type: 'start',
        prompt,
        target,
        contenders,
        requestIds,
        shownFirst: random() < 0.5 ? 'a' : 'b',
        voteId: crypto.randomUUID(),
      })
      for (const side of ['a', 'b'] as const) {
        const requestId = requestIds[side]
        // A prompt version that cannot be read is not silently run as the current prompt.
        if (side === 'b' && unreadable !== null) {
          fail(requestId, unreadable)
          continue
        }
        api
          .generate({
            requestId,
            promptId: prompt.id,
            selection: target.text,
            before: target.before,
            after: target.after,
            language: 'auto',
            variables: defaults(prompt),
            overrides: contenders[side].overrides,
          })
          .catch((error: unknown) => fail(requestId, error))
      }
      return true
    },

    stop() {
      launches++
      cancelRunning()
    },
  }
}
