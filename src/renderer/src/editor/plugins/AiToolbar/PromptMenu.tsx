import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { PromptSummary } from '@shared/contract'
import { useMenuKeyboard } from '../../../ui/useMenuKeyboard'
import { useMenuPlacement } from './useMenuPlacement'
import { VariableForm } from './VariableForm'

type Props = {
  /** Stable test id suffix and label key: poem, continue, more. */
  name: 'poem' | 'continue' | 'more'
  prompts: readonly PromptSummary[]
  onRun(promptId: string, variables: Record<string, string>): void
}

type Open = { focus: 'first' | 'last' } | null

/**
 * A toolbar button that opens a list of prompts (the WAI-ARIA menu button pattern: arrows,
 * Home/End, type-ahead; Esc closes only the menu and focus returns to the button); a prompt
 * with fields asks for them first.
 */
export function PromptMenu({ name, prompts, onRun }: Props) {
  const { t } = useTranslation()
  const [open, setOpen] = useState<Open>(null)
  const [asking, setAsking] = useState<PromptSummary | null>(null)
  const button = useRef<HTMLButtonElement | null>(null)
  const close = useCallback((refocus: boolean) => {
    setOpen(null)
    setAsking(null)
    if (refocus) button.current?.focus()
  }, [])
  const labels = useMemo(() => prompts.map((prompt) => prompt.title), [prompts])
  const { onKeyDown, itemRef, focusItem } = useMenuKeyboard({ labels, onClose: close })
  const placeList = useMenuPlacement(button)

  // The menu takes focus as it opens, on its first (or, after ArrowUp, its last) item.
  useEffect(() => {
    if (open && !asking) focusItem(open.focus === 'first' ? 0 : prompts.length - 1)
  }, [open, asking, focusItem, prompts.length])

  if (prompts.length === 0) return null

  const onButtonKey = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      setOpen({ focus: event.key === 'ArrowDown' ? 'first' : 'last' })
    } else if (event.key === 'Escape' && open) {
      event.preventDefault()
      event.stopPropagation()
      close(true)
    }
  }

  return (
    <div className="prompt-menu">
      <button
        ref={button}
        type="button"
        className="button"
        data-testid={`menu-${name}`}
        aria-haspopup="menu"
        aria-expanded={open !== null}
        aria-controls={open ? `menu-list-${name}` : undefined}
        onKeyDown={onButtonKey}
        onClick={() => (open ? close(false) : setOpen({ focus: 'first' }))}
      >
        {t(`toolbar.${name}`)} <span aria-hidden="true">▾</span>
      </button>
      {open && !asking && (
        <ul
          ref={placeList}
          id={`menu-list-${name}`}
          className="menu-list"
          role="menu"
          aria-label={t(`toolbar.${name}`)}
          data-testid={`menu-list-${name}`}
          onKeyDown={onKeyDown}
        >
          {prompts.map((prompt, index) => (
            <li key={prompt.id} role="none">
              <button
                ref={itemRef(index)}
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="menu-item"
                data-testid={`prompt-${prompt.id}`}
                title={prompt.description}
                onClick={() => {
                  if (prompt.variables.length > 0) return setAsking(prompt)
                  close(false)
                  onRun(prompt.id, {})
                }}
              >
                <span className="menu-item-title">{prompt.title}</span>
                <span className="menu-item-description">{prompt.description}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {open && asking && (
        <VariableForm
          prompt={asking}
          onCancel={() => close(true)}
          onRun={(variables) => {
            close(false)
            onRun(asking.id, variables)
          }}
        />
      )}
    </div>
  )
}
