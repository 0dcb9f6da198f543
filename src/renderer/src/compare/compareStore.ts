import { compareReducer, type CompareAction, type CompareState } from './compareState'

/** The Compare panel's state outside React, so a handler reads what the last dispatch made. */
export type CompareStore = {
  get(): CompareState
  dispatch(action: CompareAction): void
  subscribe(listener: () => void): () => void
}

/** One state object run through `compareReducer`. */
export function createCompareStore(): CompareStore {
  let state: CompareState = { phase: 'idle' }
  const listeners = new Set<() => void>()
  return {
    get: () => state,
    dispatch(action) {
      const next = compareReducer(state, action)
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
