import { useEffect, type RefObject } from 'react'
import type { LexicalEditor } from 'lexical'
import { matchesShortcut } from '../../shortcuts'
import { ACCEPT_SHORTCUT } from './CardActions'

type Handlers = {
  /** Esc: stops the answer being written, or rejects a finished one. */
  onEscape(): void
  /** Mod+Enter: accepts the shown answer when it is finished. */
  onAccept(): void
  /** Alt+[ and Alt+]: the previous or next answer. */
  onStep(by: -1 | 1): void
}

/**
 * The card's keys while it is open, wherever focus is in the editor or on the card: heard on
 * the window before the editor sees them, so Mod+Enter accepts instead of breaking the line and
 * Esc rejects instead of reaching other listeners. Keys typed elsewhere (a settings field) and
 * keys that end an IME composition are left alone.
 */
export function useCardKeys(
  editor: LexicalEditor,
  card: RefObject<HTMLElement | null>,
  open: boolean,
  isMac: boolean,
  handlers: Handlers,
): void {
  const { onEscape, onAccept, onStep } = handlers
  useEffect(() => {
    if (!open) return
    const onKey = (event: KeyboardEvent): void => {
      if (event.isComposing || event.defaultPrevented) return
      const target = event.target instanceof Node ? event.target : null
      const inEditor = !!target && !!editor.getRootElement()?.contains(target)
      if (!inEditor && !card.current?.contains(target)) return
      const plainAlt = event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey
      let handle: (() => void) | null = null
      if (event.key === 'Escape') handle = onEscape
      else if (matchesShortcut(ACCEPT_SHORTCUT, event, isMac)) handle = onAccept
      else if (plainAlt && event.code === 'BracketLeft') handle = () => onStep(-1)
      else if (plainAlt && event.code === 'BracketRight') handle = () => onStep(1)
      if (!handle) return
      event.preventDefault()
      event.stopPropagation()
      handle()
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [editor, card, open, isMac, onEscape, onAccept, onStep])
}
