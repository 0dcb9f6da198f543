import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react'
import type { QuireApi } from '@shared/contract'
import { createSuggestionSession, type SuggestionSession } from './suggestionSession'
import { createSuggestionStore } from './suggestionStore'
import type { RunningPrompt, SuggestionAction, SuggestionState } from './suggestionState'
import type { SuggestionTarget } from './target'

/**
 * The card's state and its requests (see SuggestionSession): `start`, `more`, `stop` (cancels
 * every running answer) and `cancelAllBut`. `read()` is the state as of now, for handlers.
 */
export function useSuggestion(api: QuireApi) {
  const store = useMemo(() => createSuggestionStore(), [])
  const state = useSyncExternalStore(store.subscribe, store.get)
  const session = useRef<SuggestionSession | null>(null)
  useEffect(() => {
    const created = createSuggestionSession(api, store)
    session.current = created
    return () => {
      created.dispose()
      session.current = null
    }
  }, [api, store])

  const read = useCallback((): SuggestionState => store.get(), [store])
  const start = useCallback(
    (
      prompt: RunningPrompt,
      target: SuggestionTarget,
      variables: Record<string, string>,
      count = 1,
    ) => session.current?.start(prompt, target, variables, count),
    [],
  )
  const more = useCallback((count: number) => session.current?.more(count), [])
  const cancelAllBut = useCallback((keep: string | null) => session.current?.cancelAllBut(keep), [])
  const stop = useCallback(() => session.current?.cancelAllBut(null), [])
  const dispatch = useCallback((action: SuggestionAction) => store.dispatch(action), [store])
  return { state, read, start, more, stop, cancelAllBut, dispatch }
}
