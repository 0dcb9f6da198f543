import { useCallback, useEffect, useMemo, useState } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getSelection, $isRangeSelection } from 'lexical'
import type { PromptSummary } from '@shared/contract'
import type { Binding } from '@shared/prompts/keymap'
import { requestPalette } from '../../../palette/paletteSignal'
import { useMenuKeyboard } from '../../../ui/useMenuKeyboard'
import { formatShortcut, isMacPlatform } from '../../shortcuts'
import { RUN_PROMPT_COMMAND } from '../Suggestion/commands'
import { REWRITE_SELECTION_COMMAND } from './commands'

type Props = {
  /** The rewrite style the Rewrite entry runs, for its title. */
  rewrite: PromptSummary | null
  /** Transforms, continuations and poems, in that order. */
  prompts: readonly PromptSummary[]
  bindings: readonly Binding[]
  /** The suggestion card is open: the menu would act on a passage it already covers. */
  disabled: boolean
}

type Entry = { key: string; label: string; shortcut: string | null; run(): void }

const MARGIN = 8

/**
 * The editor's right-click menu over a selection: the AI actions, Ask and the palette. With no
 * selection (or with Shift held) the browser's own menu shows, so Copy and Paste stay there.
 */
export function ContextMenuPlugin({ rewrite, prompts, bindings, disabled }: Props) {
  const [editor] = useLexicalComposerContext()
  const { t } = useTranslation()
  const [at, setAt] = useState<{ x: number; y: number } | null>(null)
  const isMac = isMacPlatform()

  const close = useCallback(
    (refocus: boolean) => {
      setAt(null)
      if (refocus) editor.focus()
    },
    [editor],
  )

  useEffect(
    () =>
      editor.registerRootListener((root) => {
        const onContextMenu = (event: MouseEvent): void => {
          if (disabled || event.shiftKey) return
          const hasText = editor
            .getEditorState()
            .read(() => {
              const selection = $getSelection()
              return $isRangeSelection(selection) ? selection.getTextContent() : ''
            })
            .trim()
          if (hasText === '') return
          event.preventDefault()
          setAt({ x: event.clientX, y: event.clientY })
        }
        root?.addEventListener('contextmenu', onContextMenu)
        return () => root?.removeEventListener('contextmenu', onContextMenu)
      }),
    [editor, disabled],
  )

  const shortcut = useCallback(
    (id: string): string | null => {
      const found = bindings.find((binding) => binding.id === id)?.shortcut
      return found ? formatShortcut(found, isMac) : null
    },
    [bindings, isMac],
  )
  const entries = useMemo<Entry[][]>(() => {
    const run = (promptId: string) => () =>
      editor.dispatchCommand(RUN_PROMPT_COMMAND, { promptId, variables: {} })
    return [
      [
        {
          key: 'rewrite',
          label: rewrite
            ? t('contextMenu.rewriteAs', { style: rewrite.title })
            : t('toolbar.rewrite'),
          shortcut: shortcut('app:rewrite'),
          run: () => editor.dispatchCommand(REWRITE_SELECTION_COMMAND, undefined),
        },
        {
          key: 'ask',
          label: t('palette.ask'),
          shortcut: shortcut('app:ask'),
          run: () => requestPalette('ask'),
        },
      ],
      prompts.map((prompt) => ({
        key: prompt.id,
        label: prompt.title,
        shortcut: shortcut(prompt.id),
        run: run(prompt.id),
      })),
      [
        {
          key: 'palette',
          label: t('contextMenu.allCommands'),
          shortcut: shortcut('app:palette'),
          run: () => requestPalette('all'),
        },
      ],
    ]
  }, [editor, prompts, rewrite, shortcut, t])
  const flat = useMemo(() => entries.flat(), [entries])
  const labels = useMemo(() => flat.map((entry) => entry.label), [flat])
  const { onKeyDown, itemRef, focusItem } = useMenuKeyboard({ labels, onClose: close })

  // Closes on a click elsewhere, on scrolling and when the window loses focus.
  useEffect(() => {
    if (!at) return
    const away = (event: Event): void => {
      if (
        !(event.target instanceof Node) ||
        !document.querySelector('.context-menu')?.contains(event.target)
      )
        close(false)
    }
    const leave = (): void => close(false)
    window.addEventListener('mousedown', away, true)
    window.addEventListener('scroll', leave, true)
    window.addEventListener('blur', leave)
    return () => {
      window.removeEventListener('mousedown', away, true)
      window.removeEventListener('scroll', leave, true)
      window.removeEventListener('blur', leave)
    }
  }, [at, close])

  // Kept inside the window, and focused on its first entry as it opens.
  const place = useCallback(
    (menu: HTMLUListElement | null) => {
      if (!menu || !at) return
      const x = Math.min(at.x, window.innerWidth - menu.offsetWidth - MARGIN)
      const y = Math.min(at.y, window.innerHeight - menu.offsetHeight - MARGIN)
      menu.style.left = `${Math.max(MARGIN, x)}px`
      menu.style.top = `${Math.max(MARGIN, y)}px`
      focusItem(0)
    },
    [at, focusItem],
  )

  if (!at) return null
  let index = 0
  return createPortal(
    <ul
      ref={place}
      className="context-menu"
      role="menu"
      aria-label={t('contextMenu.label')}
      data-testid="context-menu"
      style={{ left: at.x, top: at.y }}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
    >
      {entries.map((group, groupIndex) => [
        groupIndex > 0 && group.length > 0 && (
          <li key={`separator-${groupIndex}`} role="separator" className="context-menu-separator" />
        ),
        ...group.map((entry) => {
          const position = index++
          return (
            <li key={entry.key} role="none">
              <button
                ref={itemRef(position)}
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="menu-item"
                data-testid={`context-${entry.key}`}
                onClick={() => {
                  close(true)
                  entry.run()
                }}
              >
                <span className="menu-item-title">{entry.label}</span>
                {entry.shortcut && <span className="menu-item-shortcut">{entry.shortcut}</span>}
              </button>
            </li>
          )
        }),
      ])}
    </ul>,
    document.body,
  )
}
