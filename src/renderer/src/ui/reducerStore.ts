import { useMemo, useSyncExternalStore } from 'react'

/** State run through a reducer outside React, so a handler reads it as of now, not as of the last render. */
export type ReducerStore<S, A> = {
  get(): S
  dispatch(action: A): void
  subscribe(listener: () => void): () => void
}

/** A reducer store: `dispatch` runs the reducer and tells the subscribers when the state changed. */
export function createReducerStore<S, A>(
  reducer: (state: S, action: A) => S,
  initial: S,
): ReducerStore<S, A> {
  let state = initial
  const listeners = new Set<() => void>()
  return {
    get: () => state,
    dispatch(action) {
      const next = reducer(state, action)
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

/** A component's own reducer store and its current state. */
export function useReducerStore<S, A>(reducer: (state: S, action: A) => S, initial: S) {
  const store = useMemo(() => createReducerStore(reducer, initial), [reducer, initial])
  const state = useSyncExternalStore(store.subscribe, store.get)
  return { state, store }
}
