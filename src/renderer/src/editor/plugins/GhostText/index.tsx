import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type RefObject,
} from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import {
  $getSelection,
  $isRangeSelection,
  BLUR_COMMAND,
  COMMAND_PRIORITY_HIGH,
  COMMAND_PRIORITY_LOW,
  COMMAND_PRIORITY_NORMAL,
  KEY_DOWN_COMMAND,
  KEY_ESCAPE_COMMAND,
  KEY_TAB_COMMAND,
} from 'lexical'
import { mergeRegister } from '@lexical/utils'
import type { PromptSummary, QuireApi } from '@shared/contract'
import { hostErrorText } from '../../../i18n/hostText'
import { formatShortcut, isMacPlatform, matchesShortcut } from '../../shortcuts'
import { RUN_PROMPT_COMMAND } from '../Suggestion/commands'
import { isRunning } from '../Suggestion/alternative'
import { CONTINUE_AT_CURSOR_COMMAND, CONTINUE_SHORTCUT, DEFAULT_CONTINUE_PROMPT } from './commands'
import { createGhostController, type GhostController } from './ghostController'
import { ghostRemaining } from './ghostState'
import { createGhostStore } from './ghostStore'
import { registerGhostDismissal } from './ghostDismissal'
import { useGhostPaint } from './useGhostPaint'
import { GhostFloat } from './GhostFloat'
import { useAutoSuggest } from './useAutoSuggest'
import { useAutoSuggestSetting } from './useAutoSuggestSetting'

type Props = {
  api: QuireApi
  prompts: readonly PromptSummary[]
  anchor: RefObject<HTMLDivElement | null>
  /** A suggestion card is open: Mod+Enter is the card's. */
  cardOpen: boolean
}

/** Whether the editor's selection is a cursor (nothing selected). */
const $atCursor = (): boolean => {
  const selection = $getSelection()
  return $isRangeSelection(selection) && selection.isCollapsed()
}

/**
 * Continuation as ghost text: Mod+Enter at a cursor (or a Continue action with only a cursor)
 * writes on in grey after it, outside the document. Tab takes all of it, Mod+→ the next word;
 * Esc, typing, moving the cursor, leaving the editor or starting an IME composition dismiss it
 * and cancel its request.
 */
export function GhostTextPlugin({ api, prompts, anchor, cardOpen }: Props) {
  const [editor] = useLexicalComposerContext()
  const { t } = useTranslation()
  const store = useMemo(() => createGhostStore(), [])
  const state = useSyncExternalStore(store.subscribe, store.get)
  const controller = useRef<GhostController | null>(null)
  const isMac = isMacPlatform()
  const [unplaced, setUnplaced] = useState(false)
  const autoSuggest = useAutoSuggestSetting(api)

  useEffect(() => {
    const created = createGhostController(editor, api, store)
    controller.current = created
    return () => {
      created.dispose()
      controller.current = null
    }
  }, [editor, api, store])

  const promptFor = useMemo(
    () =>
      (id: string | undefined): PromptSummary | undefined =>
        prompts.find((p) => p.id === (id ?? DEFAULT_CONTINUE_PROMPT) && p.kind === 'continue'),
    [prompts],
  )

  useEffect(() => {
    const start = (promptId?: string): boolean => {
      const prompt = promptFor(promptId)
      return !!prompt && !!controller.current?.start(prompt)
    }
    const open = (): boolean => store.get().phase === 'open'
    // Called from key commands, so inside the update they run in.
    const $take = (amount: 'all' | 'word', event: KeyboardEvent | null): boolean => {
      if (!open() || ghostRemaining(store.get()) === '') return false
      event?.preventDefault()
      return controller.current?.$take(amount) ?? false
    }
    return mergeRegister(
      registerGhostDismissal(editor, store, () => controller.current?.dismiss()),
      editor.registerCommand(
        CONTINUE_AT_CURSOR_COMMAND,
        ({ promptId }) => start(promptId),
        COMMAND_PRIORITY_LOW,
      ),
      // A Continue action with only a cursor writes on as ghost text (the card needs a passage).
      editor.registerCommand(
        RUN_PROMPT_COMMAND,
        ({ promptId }) => $atCursor() && !!promptFor(promptId) && start(promptId),
        COMMAND_PRIORITY_NORMAL,
      ),
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          // An open card hears Mod+Enter first (on the window) and keeps it: no check of the
          // card here, whose closing React may not have rendered yet when the next key comes.
          if (event.isComposing || !matchesShortcut(CONTINUE_SHORTCUT, event, isMac)) return false
          // With a passage selected and no card, nothing to accept: the key must not replace it.
          event.preventDefault()
          if (!$atCursor()) return true
          return $take('all', null) || start()
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        KEY_TAB_COMMAND,
        (event) => $take('all', event),
        COMMAND_PRIORITY_HIGH,
      ),
      // Mod+→ is heard as a key: Lexical sends no arrow command for a modified arrow.
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          const mod = isMac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey
          if (event.key !== 'ArrowRight' || !mod || event.shiftKey || event.altKey) return false
          return $take('word', event)
        },
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerCommand(
        KEY_ESCAPE_COMMAND,
        (event) => {
          if (!open()) return false
          event.preventDefault()
          controller.current?.dismiss()
          return true
        },
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerCommand(
        BLUR_COMMAND,
        () => (controller.current?.dismiss(), false),
        COMMAND_PRIORITY_LOW,
      ),
    )
  }, [editor, store, promptFor, isMac])

  // A card opening takes the stage: the ghost goes.
  useEffect(() => {
    if (cardOpen) controller.current?.dismiss()
  }, [cardOpen])

  const remaining = ghostRemaining(state)
  const running = state.phase === 'open' && isRunning(state.answer)
  const hint = running
    ? ' …'
    : `   ${t('ghost.hint', {
        accept: 'Tab',
        word: formatShortcut(isMac ? 'Meta+→' : 'Ctrl+→', isMac),
      })}`
  useGhostPaint(editor, state, remaining, hint, setUnplaced)
  const suggest = useCallback(() => {
    const prompt = promptFor(undefined)
    if (prompt) controller.current?.start(prompt)
  }, [promptFor])
  useAutoSuggest(editor, store, autoSuggest && !cardOpen, suggest)

  if (state.phase !== 'open') return null
  const failed = state.answer.phase === 'error' ? hostErrorText(t, state.answer) : null
  return (
    <>
      <div
        className="visually-hidden"
        data-testid="ghost-text"
        data-phase={state.answer.phase}
        aria-live="polite"
      >
        {running ? '' : failed ? t('ghost.failed', { message: failed }) : remaining}
      </div>
      {(unplaced || failed) &&
        anchor.current &&
        createPortal(
          <GhostFloat text={failed ? t('ghost.failed', { message: failed }) : remaining} />,
          anchor.current,
        )}
    </>
  )
}
