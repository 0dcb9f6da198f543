import { useCallback, useEffect, useState, type RefObject } from 'react'
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
import { currentView, placeToolbar, selectionBox, type Placement } from '../../positioning'
import { formatShortcut, isMacPlatform, matchesShortcut } from '../../shortcuts'
import { RUN_PROMPT_COMMAND } from '../Suggestion/commands'
import { BEST_OF_COMMAND, DEFAULT_BEST_OF } from '../../../bestOf/commands'
import { PromptMenu } from './PromptMenu'

/** The Rewrite action's own shortcut; each prompt may add one in its front matter. */
export const REWRITE_SHORTCUT = 'Mod+Alt+R'

const TOOLBAR_WIDTH = 540
const TOOLBAR_HEIGHT = 40

type Props = {
  anchor: RefObject<HTMLDivElement | null>
  /** Rewrite styles, one per prompt id. */
  rewriteChoices: readonly PromptSummary[]
  /** Poems, continuations and transforms, for their menus. */
  menus: Record<'poem' | 'continue' | 'more', readonly PromptSummary[]>
  /** Every prompt with a shortcut. */
  shortcutPrompts: readonly PromptSummary[]
  rewritePromptId: string
  onRewritePromptChange(id: string): void
  /** The engine's state, for the buttons' hints; actions run in every state (they wait for a loading model). */
  engineState: EngineState | null
  hidden: boolean
  /** The selected text, so the menus can be titled in the language of the prompts that will run. */
  onSelectionText(text: string): void
}

/** The floating toolbar over a non-empty selection, and the keyboard shortcuts of the AI actions. */
export function AiToolbarPlugin({
  anchor,
  rewriteChoices,
  menus,
  shortcutPrompts,
  rewritePromptId,
  onRewritePromptChange,
  engineState,
  hidden,
  onSelectionText,
}: Props) {
  const [editor] = useLexicalComposerContext()
  const { t } = useTranslation()
  const [placement, setPlacement] = useState<Placement | null>(null)
  const isMac = isMacPlatform()

  const update = useCallback(() => {
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
            { width: Math.min(TOOLBAR_WIDTH, container.clientWidth), height: TOOLBAR_HEIGHT },
            currentView(),
          )
        : null,
    )
  }, [anchor, editor, onSelectionText])

  const run = useCallback(
    (promptId: string, variables: Record<string, string> = {}) =>
      editor.dispatchCommand(RUN_PROMPT_COMMAND, { promptId, variables }),
    [editor],
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
          KEY_DOWN_COMMAND,
          (event) => {
            const target = matchesShortcut(REWRITE_SHORTCUT, event, isMac)
              ? rewritePromptId
              : shortcutPrompts.find((p) => p.shortcut && matchesShortcut(p.shortcut, event, isMac))
                  ?.id
            if (!target) return false
            event.preventDefault()
            run(target)
            return true
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [anchor, editor, update, run, rewritePromptId, shortcutPrompts, isMac],
  )

  // While a model loads an action waits for it; with none, the card says how to get one.
  const hint =
    engineState === 'loading'
      ? t('toolbar.modelLoading')
      : engineState === 'idle'
        ? t('toolbar.noModelYet')
        : ''

  if (!placement || hidden || !anchor.current) return null
  return createPortal(
    <div
      className="ai-toolbar"
      data-testid="ai-toolbar"
      role="toolbar"
      aria-label={t('toolbar.label')}
      style={{ top: placement.top, left: placement.left }}
      onMouseDown={(event) => {
        // Keep the editor's selection: only the style menu and the fields may take focus.
        if (!(
          event.target instanceof HTMLSelectElement || event.target instanceof HTMLInputElement
        ))
          event.preventDefault()
      }}
    >
      <button
        type="button"
        className="button primary"
        data-testid="action-rewrite"
        title={[formatShortcut(REWRITE_SHORTCUT, isMac), hint].filter(Boolean).join(' · ')}
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
        title={t('bestOf.hint', { count: DEFAULT_BEST_OF })}
        onClick={() => editor.dispatchCommand(BEST_OF_COMMAND, { promptId: rewritePromptId })}
      >
        {t('bestOf.action', { count: DEFAULT_BEST_OF })}
      </button>
      <PromptMenu name="poem" prompts={menus.poem} onRun={run} />
      <PromptMenu name="continue" prompts={menus.continue} onRun={run} />
      <PromptMenu name="more" prompts={menus.more} onRun={run} />
    </div>,
    anchor.current,
  )
}
