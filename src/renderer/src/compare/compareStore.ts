import { createReducerStore, type ReducerStore } from '../ui/reducerStore'
import { compareReducer, type CompareAction, type CompareState } from './compareState'

/** The Compare panel's state outside React, so a handler reads what the last dispatch made. */
export type CompareStore = ReducerStore<CompareState, CompareAction>

/** One state object run through `compareReducer`. */
export const createCompareStore = (): CompareStore =>
  createReducerStore(compareReducer, { phase: 'idle' })
