import { useCallback, useEffect, useRef } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $addUpdateTag, COMMAND_PRIORITY_LOW, HISTORY_MERGE_TAG, HISTORY_PUSH_TAG } from 'lexical'
import type { PromptSummary, QuireApi } from '@shared/contract'
import { $applySuggestion } from '../editor/plugins/Suggestion/applySuggestion'
import {
  $adoptScreenSelection,
  $hasPassageSelected,
  $markTarget,
  $unmarkTarget,
  type SuggestionTarget,
} from '../editor/plugins/Suggestion/target'
import { BestOfView } from './BestOfView'
import './bestOf.css'
import { useReducerStore } from '../ui/reducerStore'
import { BEST_OF_COMMAND, DEFAULT_BEST_OF, MAX_BEST_OF } from './commands'
import { runSamples, type SampleRun } from './sampleClient'
import {
  freshSeed,
  newSampleSet,
  sampleSetReducer,
  type Sample,
  type SampleAction,
  type SampleSet,
} from './sampleSet'

type Open = {
  prompt: PromptSummary
  target: SuggestionTarget
  variables: Record<string, string>
  set: SampleSet
  refused: boolean
}
type Action =
  | { type: 'open'; open: Open }
  | { type: 'sample'; action: SampleAction }
  | { type: 'refused' }
  | { type: 'close' }

function reducer(state: Open | null, action: Action): Open | null {
  switch (action.type) {
    case 'open':
      return action.open
    case 'close':
      return null
    case 'refused':
      return state && { ...state, refused: true }
    case 'sample': {
      if (!state) return state
      const set = sampleSetReducer(state.set, action.action)
      return set === state.set ? state : { ...state, set }
    }
  }
}

type Props = {
  api: QuireApi
  prompts: readonly PromptSummary[]
  onActiveChange(active: boolean): void
}

/** Best of N on the selection: N answers at once, scored by the prompt's checks, any one accepted in one undo step. */
export function BestOfPlugin({ api, prompts, onActiveChange }: Props) {
  const [editor] = useLexicalComposerContext()
  const { state, store } = useReducerStore(reducer, null)
  const dispatch = store.dispatch
  const run = useRef<SampleRun | null>(null)

  useEffect(() => onActiveChange(state !== null), [state, onActiveChange])
  useEffect(() => () => run.current?.dispose(), [])

  const start = useCallback(
    (
      prompt: PromptSummary,
      target: SuggestionTarget,
      variables: Record<string, string>,
      n: number,
    ) => {
      run.current?.dispose()
      const seeds = Array.from({ length: n }, freshSeed)
      const report = (action: SampleAction) => dispatch({ type: 'sample', action })
      const started = runSamples(
        api,
        {
          promptId: prompt.id,
          selection: target.text,
          before: target.before,
          after: target.after,
          language: 'auto',
          variables,
        },
        seeds,
        report,
      )
      run.current = started
      const scoring = {
        checks: prompt.checks ?? {},
        input: target.text,
        language: prompt.language,
        judgeCopy: prompt.kind !== 'continue',
      }
      dispatch({
        type: 'open',
        open: {
          prompt,
          target,
          variables,
          set: newSampleSet(started.requests, scoring),
          refused: false,
        },
      })
    },
    [api, dispatch],
  )

  const close = useCallback(() => {
    run.current?.dispose()
    run.current = null
    const open = store.get()
    if (open)
      editor.update(() => $unmarkTarget(open.target.markId), {
        discrete: true,
        tag: HISTORY_MERGE_TAG,
      })
    dispatch({ type: 'close' })
    editor.focus()
  }, [editor, dispatch, store])

  const accept = useCallback(
    (sample: Sample) => {
      const open = store.get()
      if (!open) return
      let applied = false
      editor.update(
        () => {
          applied = $applySuggestion(open.target, sample.text, open.prompt.apply)
        },
        { discrete: true, tag: HISTORY_PUSH_TAG },
      )
      if (!applied) return dispatch({ type: 'refused' })
      run.current?.dispose()
      run.current = null
      dispatch({ type: 'close' })
      editor.focus()
    },
    [editor, dispatch, store],
  )

  useEffect(
    () =>
      editor.registerCommand(
        BEST_OF_COMMAND,
        ({ promptId, count: asked, variables = {} }) => {
          const prompt = prompts.find((p) => p.id === promptId)
          $adoptScreenSelection(editor)
          if (!prompt || !$hasPassageSelected()) return false
          $addUpdateTag(HISTORY_MERGE_TAG)
          const previous = store.get()
          if (previous) $unmarkTarget(previous.target.markId)
          const target = $markTarget(crypto.randomUUID())
          if (!target) return false
          const values = Object.fromEntries(prompt.variables.map((v) => [v.name, v.default]))
          const n = Math.min(MAX_BEST_OF, Math.max(2, asked ?? DEFAULT_BEST_OF))
          // After this update, as Compare does: opened inside it, the panel took focus and the
          // update's selection then gave it back to the editor, where Esc could not close it.
          queueMicrotask(() => start(prompt, target, { ...values, ...variables }, n))
          return true
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor, prompts, start, store],
  )

  if (!state) return null
  return (
    <BestOfView
      prompt={state.prompt}
      input={state.target.text}
      set={state.set}
      refused={state.refused}
      onAccept={accept}
      onRunAgain={() =>
        start(state.prompt, state.target, state.variables, state.set.samples.length)
      }
      onStop={() => run.current?.cancel()}
      onClose={close}
    />
  )
}
