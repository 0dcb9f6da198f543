import { ghostReducer, idleGhost, type GhostAction, type GhostState } from './ghostState'

/** The ghost's state outside React, so key handlers read it as of now. */
export type GhostStore = {
  get(): GhostState
  dispatch(action: GhostAction): void
  subscribe(listener: () => void): () => void
}

/** One state object run through `ghostReducer`. */
export function createGhostStore(): GhostStore {
  let state = idleGhost
  const listeners = new Set<() => void>()
  return {
    get: () => state,
    dispatch(action) {
      const next = ghostReducer(state, action)
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
