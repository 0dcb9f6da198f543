import {
  idleSuggestion,
  suggestionReducer,
  type SuggestionAction,
  type SuggestionState,
} from './suggestionState'

/** The card's state outside React, so a second action in the same tick sees the first. */
export type SuggestionStore = {
  get(): SuggestionState
  dispatch(action: SuggestionAction): void
  subscribe(listener: () => void): () => void
}

/** One state object run through `suggestionReducer`, readable at once after each dispatch. */
export function createSuggestionStore(): SuggestionStore {
  let state = idleSuggestion
  const listeners = new Set<() => void>()
  return {
    get: () => state,
    dispatch(action) {
      const next = suggestionReducer(state, action)
      if (next === state) return
      state = next
      for (const listener of listeners) listener()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
