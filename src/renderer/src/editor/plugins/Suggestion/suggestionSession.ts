import type { QuireApi } from '@shared/contract'
import { createGenerationClient, mintSeed, type Frames } from './generationClient'
import type { SuggestionStore } from './suggestionStore'
import {
  runningRequestIds,
  type MintedRequest,
  type OpenSuggestion,
  type RunningPrompt,
} from './suggestionState'
import type { SuggestionTarget } from './target'

/** Requests for `count` answers, each with its own id and seed. */
function mint(count: number): [MintedRequest, ...MintedRequest[]] {
  const one = (): MintedRequest => ({ requestId: crypto.randomUUID(), seed: mintSeed() })
  return [one(), ...Array.from({ length: Math.max(0, count - 1) }, one)]
}

type Job = Pick<OpenSuggestion, 'prompt' | 'target' | 'variables'>

/** The card's requests, driven from its handlers. */
export type SuggestionSession = {
  /** Opens a card for a passage with `count` answers written in parallel (the previous card's requests are cancelled). */
  start(
    prompt: RunningPrompt,
    target: SuggestionTarget,
    variables: Record<string, string>,
    count?: number,
  ): void
  /** Adds `count` answers for the open card's passage, written in parallel; the first is shown. */
  more(count: number): void
  /** Cancels the card's running requests but `keep` (null: all of them). */
  cancelAllBut(keep: string | null): void
  dispose(): void
}

/**
 * Mints each request's id and seed, tells the store first (so the card knows the answer before
 * any event of it arrives), then sends it; the store's reducer follows every answer by its id.
 */
export function createSuggestionSession(
  api: QuireApi,
  store: SuggestionStore,
  frames?: Frames,
): SuggestionSession {
  const client = createGenerationClient(api, store.dispatch, frames)
  const send = (job: Job, requests: readonly MintedRequest[]): void => {
    for (const { requestId, seed } of requests)
      client.run({
        requestId,
        seed,
        promptId: job.prompt.id,
        selection: job.target.text,
        before: job.target.before,
        after: job.target.after,
        language: 'auto',
        variables: job.variables,
      })
  }
  const cancelAllBut = (keep: string | null): void => {
    for (const requestId of runningRequestIds(store.get()))
      if (requestId !== keep) client.cancel(requestId)
  }
  return {
    start(prompt, target, variables, count = 1) {
      cancelAllBut(null)
      const requests = mint(count)
      store.dispatch({ type: 'open', requests, prompt, target, variables })
      send({ prompt, target, variables }, requests)
    },
    more(count) {
      const card = store.get()
      if (card.phase !== 'open') return
      const requests = mint(count)
      store.dispatch({ type: 'add', requests })
      send(card, requests)
    },
    cancelAllBut,
    dispose: () => client.dispose(),
  }
}
