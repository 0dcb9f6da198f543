import { useCallback, useRef, type KeyboardEvent } from 'react'
import { menuKeyMove, type TypeAhead } from './menuKeys'

type Options = {
  /** The items' visible labels, in order, for type-ahead. */
  labels: readonly string[]
  /** Closes the menu; `refocus` when focus should go back to what opened it (Esc). */
  onClose(refocus: boolean): void
}

/**
 * Keyboard handling for a `role=menu` list of buttons: arrow keys, Home/End, type-ahead, Esc and
 * Tab. Esc stops there, so it never reaches the editor or the panel around the menu.
 */
export function useMenuKeyboard({ labels, onClose }: Options) {
  const items = useRef<(HTMLElement | null)[]>([])
  const typeAhead = useRef<TypeAhead>({ text: '', at: 0 })

  const focusItem = useCallback((index: number) => items.current[index]?.focus(), [])

  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return
      const current = items.current.findIndex((item) => item === document.activeElement)
      const { move, typeAhead: next } = menuKeyMove(
        event.key,
        current,
        labels,
        typeAhead.current,
        event.timeStamp || performance.now(),
      )
      typeAhead.current = next
      if (move.type === 'none') return
      if (move.type === 'focus') {
        event.preventDefault()
        event.stopPropagation()
        focusItem(move.index)
        return
      }
      if (move.refocus) {
        event.preventDefault()
        event.stopPropagation()
      }
      onClose(move.refocus)
    },
    [labels, onClose, focusItem],
  )

  /** A ref callback for item `index`. */
  const itemRef = useCallback(
    (index: number) => (element: HTMLElement | null) => {
      items.current[index] = element
    },
    [],
  )

  return { onKeyDown, itemRef, focusItem }
}
