import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { formatShortcut, isMacPlatform } from '../editor/shortcuts'
import { paletteListMove } from './paletteKeys'
import { rankPaletteItems, type PaletteItem } from './paletteItems'

type Props = {
  items: readonly PaletteItem[]
  /** Whether the editor has a selection for the AI entries to run on. */
  hasSelection: boolean
  /** Opens straight in Ask mode (the Ask shortcut outside the toolbar). */
  startInAsk: boolean
  /** Runs an entry; false when it could not run (no selection), so the palette stays open. */
  onChoose(item: PaletteItem): boolean | Promise<boolean>
  onClose(): void
}

/**
 * The command palette: one field that searches every action, prompt, document and app command,
 * each with its shortcut; Enter runs the highlighted one. In Ask mode the field is the writer's
 * own instruction for the selection.
 */
export function CommandPalette({ items, hasSelection, startInAsk, onChoose, onClose }: Props) {
  const { t } = useTranslation()
  const [state, setState] = useState({
    query: '',
    active: 0,
    askMode: startInAsk,
    message: null as string | null,
  })
  const input = useRef<HTMLInputElement | null>(null)
  const listId = useId()
  const isMac = isMacPlatform()
  const shown = useMemo(() => {
    if (!state.askMode) return rankPaletteItems(items, state.query, t)
    const recent = items.filter((item) => item.group === 'ask')
    const ranked = rankPaletteItems(recent, state.query, t)
    // With nothing typed, Ask mode lists the recent instructions only.
    return state.query.trim() === '' ? recent : ranked
  }, [items, state.query, state.askMode, t])
  const active = Math.min(state.active, Math.max(shown.length - 1, 0))

  useEffect(() => input.current?.focus(), [state.askMode])
  useEffect(() => {
    document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: 'nearest' })
  }, [active, listId])

  const choose = async (item: PaletteItem | undefined): Promise<void> => {
    if (!item) return
    if (item.action.type === 'ask-mode') {
      setState((s) => ({ ...s, askMode: true, query: '', active: 0, message: null }))
      return
    }
    if (item.needsSelection && !hasSelection) {
      setState((s) => ({ ...s, message: t('palette.selectFirst') }))
      return
    }
    const ran = await onChoose(item)
    if (!ran) setState((s) => ({ ...s, message: t('palette.selectFirst') }))
  }

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      // Esc leaves Ask mode first, then closes; it never reaches the editor or a panel.
      event.preventDefault()
      event.stopPropagation()
      if (state.askMode && !startInAsk)
        setState((s) => ({ ...s, askMode: false, query: '', active: 0, message: null }))
      else onClose()
      return
    }
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault()
      void choose(shown[active])
      return
    }
    const next = paletteListMove(event.key, active, shown.length)
    if (next === null) return
    event.preventDefault()
    setState((s) => ({ ...s, active: next }))
  }

  return (
    <div className="palette-backdrop" onMouseDown={onClose}>
      <div
        className="palette"
        role="dialog"
        aria-modal="true"
        aria-label={t('palette.label')}
        data-testid="command-palette"
        data-mode={state.askMode ? 'ask' : 'all'}
        onMouseDown={(event) => event.stopPropagation()}
      >
        {state.askMode && <p className="palette-mode">{t('palette.askMode')}</p>}
        <input
          ref={input}
          className="palette-input"
          data-testid="palette-input"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={shown.length > 0 ? `${listId}-${active}` : undefined}
          aria-label={state.askMode ? t('ask.label') : t('palette.label')}
          placeholder={state.askMode ? t('palette.askPlaceholder') : t('palette.placeholder')}
          maxLength={500}
          value={state.query}
          onChange={(event) =>
            setState((s) => ({ ...s, query: event.target.value, active: 0, message: null }))
          }
          onKeyDown={onKeyDown}
        />
        {state.message && (
          <p className="palette-message" role="alert" data-testid="palette-message">
            {state.message}
          </p>
        )}
        <ul className="palette-list" id={listId} role="listbox" aria-label={t('palette.results')}>
          {shown.map((item, index) => (
            <li
              key={item.key}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              aria-disabled={item.needsSelection && !hasSelection ? true : undefined}
              className={`palette-item${index === active ? ' is-active' : ''}`}
              data-testid="palette-item"
              data-key={item.key}
              onMouseMove={() => index !== active && setState((s) => ({ ...s, active: index }))}
              onClick={() => void choose(item)}
            >
              <span className="palette-item-text">
                <span className="palette-item-title">{item.title}</span>
                {item.detail && <span className="palette-item-detail">{item.detail}</span>}
              </span>
              <span className="palette-item-side">
                <span className="palette-group">{t(`palette.groups.${item.group}`)}</span>
                {item.shortcut && (
                  <kbd className="palette-shortcut">{formatShortcut(item.shortcut, isMac)}</kbd>
                )}
              </span>
            </li>
          ))}
          {shown.length === 0 && <li className="palette-empty">{t('palette.none')}</li>}
        </ul>
      </div>
    </div>
  )
}
