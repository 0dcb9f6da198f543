import { createReducerStore, type ReducerStore } from '../../../ui/reducerStore'
import { ghostReducer, idleGhost, type GhostAction, type GhostState } from './ghostState'

/** The ghost's state outside React, so key handlers read it as of now. */
export type GhostStore = ReducerStore<GhostState, GhostAction>

/** One state object run through `ghostReducer`. */
export const createGhostStore = (): GhostStore => createReducerStore(ghostReducer, idleGhost)
