import { useCallback, useEffect, useRef, type RefObject } from 'react'
import { createPortal } from 'react-dom'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import {
  $addUpdateTag,
  COMMAND_PRIORITY_HIGH,
  COMMAND_PRIORITY_LOW,
  HISTORY_MERGE_TAG,
  HISTORY_PUSH_TAG,
  KEY_ESCAPE_COMMAND,
} from 'lexical'
import { mergeRegister } from '@lexical/utils'
import type { PromptSummary, QuireApi } from '@shared/contract'
import { RUN_PROMPT_COMMAND } from './commands'
import { SuggestionCard } from './SuggestionCard'
import { visibleText } from './suggestionState'
import { $applySuggestion } from './applySuggestion'
import {
  $adoptScreenSelection,
  $hasPassageSelected,
  $markTarget,
  $unmarkTarget,
  registerStaleMarkCleanup,
  type SuggestionTarget,
} from './target'
import { useSuggestion } from './useSuggestion'
import { useCardPlacement } from './useCardPlacement'

type Props = {
  api: QuireApi
  prompts: readonly PromptSummary[]
  anchor: RefObject<HTMLDivElement | null>
  /** How far the model load has come, shown while a card waits for it. */
  loadProgress: number | null
  onActiveChange(active: boolean): void
  onOpenModels(): void
}

/** A prompt's fields with their defaults, overridden by what the writer typed. */
function fieldValues(prompt: PromptSummary, given: Record<string, string>): Record<string, string> {
  const values: Record<string, string> = {}
  for (const variable of prompt.variables) values[variable.name] = variable.default
  return { ...values, ...given }
}

/** Runs prompts on the selection and shows the streaming answer in a card beside the passage. */
export function SuggestionPlugin({
  api,
  prompts,
  anchor,
  loadProgress,
  onActiveChange,
  onOpenModels,
}: Props) {
  const [editor] = useLexicalComposerContext()
  const { state, read, start, stop, dispatch } = useSuggestion(api)
  const card = useRef<HTMLDivElement | null>(null)
  useCardPlacement(editor, anchor, card, state)

  useEffect(() => onActiveChange(state.phase !== 'idle'), [state.phase, onActiveChange])
  useEffect(
    () =>
      registerStaleMarkCleanup(editor, () => {
        const now = read()
        return now.phase === 'idle' ? null : now.target.markId
      }),
    [editor, read],
  )

  const unmark = useCallback(
    (target: SuggestionTarget) =>
      editor.update(() => $unmarkTarget(target.markId), {
        discrete: true,
        tag: HISTORY_MERGE_TAG,
      }),
    [editor],
  )

  // Runs inside RUN_PROMPT_COMMAND, so inside the update that command dispatch opens.
  const $run = useCallback(
    (promptId: string, given: Record<string, string> = {}): boolean => {
      const prompt = prompts.find((p) => p.id === promptId)
      $adoptScreenSelection(editor)
      if (!prompt || !$hasPassageSelected()) return false
      // The marks are the card's, not the writer's: merged into the current undo step.
      $addUpdateTag(HISTORY_MERGE_TAG)
      const previous = read()
      // The same passage again: its marks make way for the new card's.
      if (previous.phase !== 'idle') $unmarkTarget(previous.target.markId)
      const target = $markTarget(crypto.randomUUID())
      if (!target) return false
      start(prompt, target, fieldValues(prompt, given))
      return true
    },
    [editor, read, prompts, start],
  )

  const close = useCallback(() => {
    const open = read()
    stop()
    if (open.phase !== 'idle') unmark(open.target)
    dispatch({ type: 'close' })
    editor.focus()
  }, [read, dispatch, editor, stop, unmark])

  const accept = useCallback(() => {
    const done = read()
    if (done.phase !== 'done') return
    const text = visibleText(done)
    let applied = false
    editor.update(
      () => {
        applied = $applySuggestion(done.target, text, done.prompt.apply)
      },
      { discrete: true, tag: HISTORY_PUSH_TAG },
    )
    if (!applied) return dispatch({ type: 'refused' })
    dispatch({ type: 'close' })
    editor.focus()
  }, [read, dispatch, editor])

  const retry = useCallback(() => {
    const last = read()
    if (last.phase === 'idle') return
    start(last.prompt, last.target, last.variables)
  }, [read, start])

  const toggleRaw = useCallback(() => dispatch({ type: 'toggle-raw' }), [dispatch])

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          RUN_PROMPT_COMMAND,
          ({ promptId, variables }) => $run(promptId, variables),
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          KEY_ESCAPE_COMMAND,
          (event) => {
            const phase = read().phase
            if (phase === 'idle') return false
            event.preventDefault()
            if (phase === 'waiting' || phase === 'streaming') stop()
            else close()
            return true
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor, $run, stop, close, read],
  )

  // Esc also works while focus is on the card's own buttons.
  useEffect(() => {
    if (state.phase === 'idle') return
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || !card.current?.contains(event.target as Node)) return
      event.preventDefault()
      const phase = read().phase
      if (phase === 'waiting' || phase === 'streaming') stop()
      else close()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [state.phase, stop, close, read])

  if (state.phase === 'idle' || !anchor.current) return null
  return createPortal(
    <SuggestionCard
      ref={card}
      state={state}
      loadProgress={loadProgress}
      onAccept={accept}
      onReject={close}
      onStop={stop}
      onRetry={retry}
      onToggleRaw={toggleRaw}
      onOpenModels={() => {
        close()
        onOpenModels()
      }}
    />,
    anchor.current,
  )
}
