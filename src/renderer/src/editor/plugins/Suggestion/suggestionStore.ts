import { createReducerStore, type ReducerStore } from '../../../ui/reducerStore'
import {
  idleSuggestion,
  suggestionReducer,
  type SuggestionAction,
  type SuggestionState,
} from './suggestionState'

/** The card's state outside React, so a second action in the same tick sees the first. */
export type SuggestionStore = ReducerStore<SuggestionState, SuggestionAction>

/** One state object run through `suggestionReducer`, readable at once after each dispatch. */
export const createSuggestionStore = (): SuggestionStore =>
  createReducerStore(suggestionReducer, idleSuggestion)
