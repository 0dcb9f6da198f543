import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react'
import type { QuireApi } from '@shared/contract'
import { createGenerationClient, type GenerationClient } from './generationClient'
import { createSuggestionStore } from './suggestionStore'
import type { RunningPrompt, SuggestionAction, SuggestionState } from './suggestionState'
import type { SuggestionTarget } from './target'

/**
 * The card's state and its request: `start` runs a prompt on a target (cancelling a request
 * still running), `stop` cancels it. `read()` is the state as of now, for handlers.
 */
export function useSuggestion(api: QuireApi) {
  const store = useMemo(() => createSuggestionStore(), [])
  const state = useSyncExternalStore(store.subscribe, store.get)
  const client = useRef<GenerationClient | null>(null)
  useEffect(() => {
    const created = createGenerationClient(api, store.dispatch)
    client.current = created
    return () => {
      created.dispose()
      client.current = null
    }
  }, [api, store])

  const read = useCallback((): SuggestionState => store.get(), [store])

  const start = useCallback(
    (prompt: RunningPrompt, target: SuggestionTarget, variables: Record<string, string>) => {
      client.current?.run(
        {
          promptId: prompt.id,
          selection: target.text,
          before: target.before,
          after: target.after,
          language: 'auto',
          variables,
        },
        (requestId) => store.dispatch({ type: 'start', requestId, prompt, target, variables }),
      )
    },
    [store],
  )
  const stop = useCallback(() => client.current?.cancel(), [])
  const dispatch = useCallback((action: SuggestionAction) => store.dispatch(action), [store])
  return { state, read, start, stop, dispatch }
}
