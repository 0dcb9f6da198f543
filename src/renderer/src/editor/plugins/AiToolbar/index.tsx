import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import {
  $getSelection,
  $isRangeSelection,
  BLUR_COMMAND,
  COMMAND_PRIORITY_LOW,
  KEY_DOWN_COMMAND,
  SELECTION_CHANGE_COMMAND,
} from 'lexical'
import { mergeRegister } from '@lexical/utils'
import type { EngineState, PromptSummary } from '@shared/contract'
import type { Binding } from '@shared/prompts/keymap'
import { currentView, placeToolbar, selectionBox, type Placement } from '../../positioning'
import { formatShortcut, isMacPlatform, matchesShortcut } from '../../shortcuts'
import { RUN_PROMPT_COMMAND } from '../Suggestion/commands'
import { COMPARE_COMMAND } from '../../../compare/commands'
import { ASK_PROMPT_ID, askVariables } from './ask'
import { AskField } from './AskField'
import {
  BEST_OF_SELECTION_COMMAND,
  COMPARE_SELECTION_COMMAND,
  REWRITE_SELECTION_COMMAND,
} from './commands'
import { BEST_OF_COMMAND, DEFAULT_BEST_OF } from '../../../bestOf/commands'
import { PromptMenu } from './PromptMenu'

/** Wide enough for the buttons, Compare, Best of and the Ask field on one row; narrower, the Ask field wraps under them. */
const TOOLBAR_WIDTH = 900
const TOOLBAR_ROW_HEIGHT = 40

type Props = {
  anchor: RefObject<HTMLDivElement | null>
  /** Rewrite styles, one per prompt id. */
  rewriteChoices: readonly PromptSummary[]
  /** Poems, continuations and transforms, for their menus. */
  menus: Record<'poem' | 'continue' | 'more', readonly PromptSummary[]>
  /** The shortcuts in effect (app actions and prompts), with the writer's own from Settings. */
  bindings: readonly Binding[]
  /** The writer's recent Ask instructions, newest first. */
  recentInstructions: readonly string[]
  onRememberInstruction(instruction: string): void
  rewritePromptId: string
  onRewritePromptChange(id: string): void
  /** The engine's state, for the buttons' hints; actions run in every state (they wait for a loading model). */
  /** The engine's state; in a browser tab that cannot reach quire serve, 'disconnected', or 'old-run' when its token is from an earlier run. */
  engineState: EngineState | 'disconnected' | 'old-run' | null
  hidden: boolean
  /** The selected text, so the menus can be titled in the language of the prompts that will run. */
  onSelectionText(text: string): void
}

/** The floating toolbar over a non-empty selection, and the keyboard shortcuts of the AI actions. */
export function AiToolbarPlugin({
  anchor,
  rewriteChoices,
  menus,
  bindings,
  recentInstructions,
  onRememberInstruction,
  rewritePromptId,
  onRewritePromptChange,
  engineState,
  hidden,
  onSelectionText,
}: Props) {
  const [editor] = useLexicalComposerContext()
  const { t } = useTranslation()
  const [placement, setPlacement] = useState<Placement | null>(null)
  const askInput = useRef<HTMLInputElement | null>(null)
  const isMac = isMacPlatform()
  const shortcutFor = (id: string): string | null => {
    const found = bindings.find((binding) => binding.id === id)?.shortcut
    return found ? formatShortcut(found, isMac) : null
  }

  const update = useCallback(() => {
    // While the writer works in the toolbar (the Ask field, a menu) it stays where it is: the
    // page's selection is then in the field, not in the editor.
    if (document.activeElement?.closest('.ai-toolbar')) return
    const container = anchor.current
    const text = editor.getEditorState().read(() => {
      const selection = $getSelection()
      return $isRangeSelection(selection) && !selection.isCollapsed()
        ? selection.getTextContent()
        : ''
    })
    const hasText = text.trim() !== ''
    if (hasText) onSelectionText(text)
    const box = container && hasText ? selectionBox() : null
    setPlacement(
      box && container
        ? placeToolbar(
            box,
            container.getBoundingClientRect(),
            {
              width: Math.min(TOOLBAR_WIDTH, container.clientWidth),
              height: TOOLBAR_ROW_HEIGHT * (container.clientWidth < TOOLBAR_WIDTH ? 2 : 1),
            },
            currentView(),
          )
        : null,
    )
  }, [anchor, editor, onSelectionText])

  const run = useCallback(
    (promptId: string, variables: Record<string, string> = {}) => {
      // An action chosen from the toolbar by keyboard hands focus back to the editor: the
      // toolbar goes away, and focus must not fall to the page.
      const fromToolbar = document.activeElement?.closest('.ai-toolbar') != null
      const ran = editor.dispatchCommand(RUN_PROMPT_COMMAND, { promptId, variables })
      if (fromToolbar) editor.focus()
      return ran
    },
    [editor],
  )
  const ask = useCallback(
    (instruction: string) => {
      onRememberInstruction(instruction)
      run(ASK_PROMPT_ID, askVariables(instruction))
    },
    [run, onRememberInstruction],
  )

  // Clamped to the window, so it follows scrolling.
  useEffect(() => {
    const onScroll = (): void => update()
    window.addEventListener('scroll', onScroll, { passive: true })
    return () => window.removeEventListener('scroll', onScroll)
  }, [update])

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(() => update()),
        editor.registerCommand(
          SELECTION_CHANGE_COMMAND,
          () => (update(), false),
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          BLUR_COMMAND,
          (event) => {
            const toolbar = anchor.current?.querySelector('.ai-toolbar')
            if (!toolbar?.contains(event.relatedTarget as Node | null)) setPlacement(null)
            return false
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          REWRITE_SELECTION_COMMAND,
          () => run(rewritePromptId),
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          COMPARE_SELECTION_COMMAND,
          () => editor.dispatchCommand(COMPARE_COMMAND, { promptId: rewritePromptId }),
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          BEST_OF_SELECTION_COMMAND,
          () => editor.dispatchCommand(BEST_OF_COMMAND, { promptId: rewritePromptId }),
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          KEY_DOWN_COMMAND,
          (event) => {
            const hit = bindings.find((binding) => matchesShortcut(binding.shortcut, event, isMac))
            // The palette's key is the window's (it works outside the editor too).
            if (!hit || hit.id === 'app:palette') return false
            if (hit.id === 'app:ask') {
              if (!askInput.current) return false
              event.preventDefault()
              askInput.current.focus()
              return true
            }
            event.preventDefault()
            if (hit.id === 'app:compare')
              return editor.dispatchCommand(COMPARE_SELECTION_COMMAND, undefined)
            if (hit.id === 'app:best-of')
              return editor.dispatchCommand(BEST_OF_SELECTION_COMMAND, undefined)
            run(hit.id === 'app:rewrite' ? rewritePromptId : hit.id)
            return true
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [anchor, editor, update, run, rewritePromptId, bindings, isMac],
  )

  // While a model loads an action waits for it; with none, the card says how to get one.
  const hint =
    engineState === 'loading'
      ? t('toolbar.modelLoading')
      : engineState === 'idle'
        ? t('toolbar.noModelYet')
        : engineState === 'disconnected' || engineState === 'old-run'
          ? t(`toolbar.${engineState === 'old-run' ? 'oldRun' : 'disconnected'}`)
          : ''

  if (!placement || hidden || !anchor.current) return null
  return createPortal(
    <div
      className="ai-toolbar"
      data-testid="ai-toolbar"
      role="toolbar"
      aria-label={t('toolbar.label')}
      style={{ top: placement.top, left: placement.left }}
      onKeyDown={(event) => {
        // Esc on a toolbar control (its menus handle their own): back to the editor, selection kept.
        if (event.key !== 'Escape' || event.defaultPrevented) return
        event.preventDefault()
        event.stopPropagation()
        editor.focus()
      }}
      onMouseDown={(event) => {
        // Keep the editor's selection: only the style menu and the fields may take focus.
        if (!(
          event.target instanceof HTMLSelectElement || event.target instanceof HTMLInputElement
        ))
          event.preventDefault()
      }}
    >
      {/* Nothing can run until the tab reaches quire serve again: say so before a click waits. */}
      {(engineState === 'disconnected' || engineState === 'old-run') && (
        <span className="ai-toolbar-offline" role="note" data-testid="toolbar-offline">
          {hint}
        </span>
      )}
      <button
        type="button"
        className="button primary"
        data-testid="action-rewrite"
        title={[shortcutFor('app:rewrite'), hint].filter(Boolean).join(' · ')}
        onClick={() => run(rewritePromptId)}
      >
        {t('toolbar.rewrite')}
      </button>
      <select
        className="style-select"
        data-testid="rewrite-style"
        aria-label={t('toolbar.style')}
        value={rewritePromptId}
        onChange={(event) => {
          onRewritePromptChange(event.target.value)
          editor.focus()
        }}
      >
        {rewriteChoices.map((prompt) => (
          <option key={prompt.id} value={prompt.id}>
            {prompt.title}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button subtle"
        data-testid="action-best-of"
        title={[t('bestOf.hint', { count: DEFAULT_BEST_OF }), shortcutFor('app:best-of')]
          .filter(Boolean)
          .join(' · ')}
        onClick={() => editor.dispatchCommand(BEST_OF_COMMAND, { promptId: rewritePromptId })}
      >
        {t('bestOf.action', { count: DEFAULT_BEST_OF })}
      </button>
      <PromptMenu name="poem" prompts={menus.poem} onRun={run} />
      <PromptMenu name="continue" prompts={menus.continue} onRun={run} />
      <PromptMenu name="more" prompts={menus.more} onRun={run} />
      <button
        type="button"
        className="button subtle"
        data-testid="action-compare"
        title={[t('toolbar.compareHint'), shortcutFor('app:compare')].filter(Boolean).join(' · ')}
        onClick={() => editor.dispatchCommand(COMPARE_COMMAND, { promptId: rewritePromptId })}
      >
        {t('toolbar.compare')}
      </button>
      <AskField
        ref={askInput}
        recent={recentInstructions}
        shortcut={shortcutFor('app:ask')}
        onAsk={ask}
        onLeave={() => editor.focus()}
      />
    </div>,
    anchor.current,
  )
}
