import { useCallback, useEffect, useRef, type RefObject } from 'react'
import { createPortal } from 'react-dom'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $addUpdateTag, COMMAND_PRIORITY_LOW, HISTORY_MERGE_TAG, HISTORY_PUSH_TAG } from 'lexical'
import type { PromptSummary, QuireApi } from '@shared/contract'
import { isMacPlatform } from '../../shortcuts'
import { RUN_PROMPT_COMMAND } from './commands'
import { SuggestionCard } from './SuggestionCard'
import { isRunning } from './alternative'
import { canAccept, shownAlternative, visibleText } from './suggestionState'
import { $applySuggestion } from './applySuggestion'
import { $selectSpan, $spanBeforeCaret, flashSpan, insertedLength } from './acceptedText'
import {
  $adoptScreenSelection,
  $hasPassageSelected,
  $markTarget,
  $selectCaretBlock,
  $unmarkTarget,
  registerStaleMarkCleanup,
  type SuggestionTarget,
} from './target'
import { useSuggestion } from './useSuggestion'
import { useCardPlacement } from './useCardPlacement'
import { useCardKeys } from './useCardKeys'

type Props = {
  api: QuireApi
  prompts: readonly PromptSummary[]
  anchor: RefObject<HTMLDivElement | null>
  /** How far the model load has come, shown while a card waits for it. */
  loadProgress: number | null
  /** The engine's parallel sequences ("Answers at once"): how many versions to offer. */
  answersAtOnce: number
  onActiveChange(active: boolean): void
  onOpenModels(): void
}

/** A prompt's fields with their defaults, overridden by what the writer typed. */
function fieldValues(prompt: PromptSummary, given: Record<string, string>): Record<string, string> {
  const values: Record<string, string> = {}
  for (const variable of prompt.variables) values[variable.name] = variable.default
  return { ...values, ...given }
}

/** Runs prompts on the selection and shows the streaming answers in a card beside the passage. */
export function SuggestionPlugin({
  api,
  prompts,
  anchor,
  loadProgress,
  answersAtOnce,
  onActiveChange,
  onOpenModels,
}: Props) {
  const [editor] = useLexicalComposerContext()
  const { state, read, start, more, stop, cancelAllBut, dispatch } = useSuggestion(api)
  const card = useRef<HTMLDivElement | null>(null)
  const isMac = isMacPlatform()
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
    (promptId: string, given: Record<string, string> = {}, versions = 1): boolean => {
      const prompt = prompts.find((p) => p.id === promptId)
      $adoptScreenSelection(editor)
      if (!prompt) return false
      // The marks are the card's, not the writer's: merged into the current undo step.
      $addUpdateTag(HISTORY_MERGE_TAG)
      // Only a cursor: the action takes its paragraph (as Writing Tools does), selected so the
      // writer sees what is being rewritten.
      if (!$hasPassageSelected() && !$selectCaretBlock()) return false
      const previous = read()
      // The same passage again: its marks make way for the new card's.
      if (previous.phase !== 'idle') $unmarkTarget(previous.target.markId)
      const target = $markTarget(crypto.randomUUID())
      if (!target) return false
      start(prompt, target, fieldValues(prompt, given), versions)
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

  const flash = useRef<() => void>(() => {})
  useEffect(() => () => flash.current(), [])

  const accept = useCallback(() => {
    const card = read()
    if (card.phase !== 'open' || !canAccept(card)) return
    const text = visibleText(card)
    let applied = false
    let span = null as ReturnType<typeof $spanBeforeCaret>
    editor.update(
      () => {
        applied = $applySuggestion(card.target, text, card.prompt.apply)
        if (!applied) return
        span = $spanBeforeCaret(insertedLength(text))
        // A rewrite stays selected, as Writing Tools leaves it; after an insertion the caret
        // waits at its end, ready for the writer's next words.
        if (span && card.prompt.apply === 'replace') $selectSpan(span)
      },
      { discrete: true, tag: HISTORY_PUSH_TAG },
    )
    if (!applied) return dispatch({ type: 'refused' })
    cancelAllBut(null)
    dispatch({ type: 'close' })
    editor.focus()
    flash.current()
    if (span) flash.current = flashSpan(editor, span)
  }, [read, dispatch, editor, cancelAllBut])

  const retry = useCallback(() => more(1), [more])

  const escape = useCallback(() => {
    const card = read()
    if (card.phase !== 'open') return
    if (isRunning(shownAlternative(card))) stop()
    else close()
  }, [read, stop, close])
  const step = useCallback((by: -1 | 1) => dispatch({ type: 'step', by }), [dispatch])
  useCardKeys(editor, card, state.phase !== 'idle', isMac, {
    onEscape: escape,
    onAccept: accept,
    onStep: step,
  })

  useEffect(
    () =>
      editor.registerCommand(
        RUN_PROMPT_COMMAND,
        ({ promptId, variables, versions }) => $run(promptId, variables, versions),
        COMMAND_PRIORITY_LOW,
      ),
    [editor, $run],
  )

  if (state.phase === 'idle' || !anchor.current) return null
  return createPortal(
    <SuggestionCard
      ref={card}
      state={state}
      loadProgress={loadProgress}
      defaultVersions={answersAtOnce}
      isMac={isMac}
      onAccept={accept}
      onReject={close}
      onStop={stop}
      onRetry={retry}
      onVersions={more}
      onShow={(index) => dispatch({ type: 'show', index })}
      onStep={step}
      onToggleRaw={() => dispatch({ type: 'toggle-raw' })}
      onToggleDiff={() => dispatch({ type: 'toggle-diff' })}
      onOpenModels={() => {
        close()
        onOpenModels()
      }}
    />,
    anchor.current,
  )
}
