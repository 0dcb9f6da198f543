import { useLayoutEffect, type RefObject } from 'react'
import type { LexicalEditor } from 'lexical'
import {
  currentView,
  followPassage,
  placeCard,
  selectionBox,
  unionBox,
  type Box,
  type CardPlacement,
} from '../../positioning'
import { shownAlternative, type SuggestionState } from './suggestionState'

/** The card's width when it has the room (styles/ai.css); versions side by side want more. */
const CARD_WIDTH = 520
const WIDE_CARD_WIDTH = 720
/** Room the card needs on a side: its header, a few lines, and its buttons. */
const MIN_CARD_HEIGHT = 240

const px = (value: number | null): string => (value === null ? '' : `${Math.round(value)}px`)

function apply(element: HTMLElement, placement: CardPlacement): void {
  element.style.top = px(placement.top)
  element.style.bottom = px(placement.bottom)
  element.style.left = px(placement.left)
  element.style.width = px(placement.width)
  element.style.maxHeight = px(placement.maxHeight)
  // Room kept under a card that grows downwards, so the page can scroll to all of it.
  element.style.setProperty(
    '--reserve',
    placement.side === 'below' ? px(placement.maxHeight) : '0px',
  )
  element.dataset.side = placement.side
}

/** The card is out of sight (under the header, or under the status bar or past the window). */
function outOfSight(element: HTMLElement): boolean {
  const rect = element.getBoundingClientRect()
  const view = currentView()
  return rect.top < view.topInset || rect.bottom > view.height
}

/**
 * Places the card for the current passage, beside the passage (its marks, or the selection)
 * and inside the window: when the request starts and when the window is resized. The card is
 * then scrolled into view, and again when the shown answer ends if it grew out of sight meanwhile. Edits
 * around the passage move the card with it, on the same side.
 */
export function useCardPlacement(
  editor: LexicalEditor,
  anchor: RefObject<HTMLDivElement | null>,
  card: RefObject<HTMLDivElement | null>,
  state: SuggestionState,
): void {
  const open = state.phase === 'open' ? state : null
  const wide = open?.versions != null
  // Placed again for a new passage, and when versions shown together make the card wider.
  const placement = open ? `${open.target.markId} ${wide}` : null
  const shownPhase = open ? shownAlternative(open).phase : null
  const finished = shownPhase === 'done' || shownPhase === 'error'

  useLayoutEffect(() => {
    if (placement === null) return
    let placed: CardPlacement | null = null
    const marksBox = (container: HTMLElement): Box | null =>
      unionBox(container.querySelectorAll('mark.suggestion-target'))
    const place = (): void => {
      const container = anchor.current
      const element = card.current
      if (!container || !element) return
      const box = container.getBoundingClientRect()
      const size = {
        width: Math.min(wide ? WIDE_CARD_WIDTH : CARD_WIDTH, box.width),
        height: Math.max(MIN_CARD_HEIGHT, element.offsetHeight),
      }
      const passage = marksBox(container) ?? selectionBox() ?? { ...box, bottom: box.top }
      placed = placeCard(passage, box, size, currentView())
      apply(element, placed)
      if (placed.scrollBy !== 0) window.scrollBy({ top: placed.scrollBy })
      else if (outOfSight(element)) element.scrollIntoView({ block: 'nearest', inline: 'nearest' })
    }
    const follow = (): void => {
      const container = anchor.current
      const element = card.current
      const passage = container && marksBox(container)
      if (!placed || !element || !container || !passage) return
      placed = followPassage(placed, passage, container.getBoundingClientRect())
      apply(element, placed)
    }
    place()
    window.addEventListener('resize', place)
    // Only edits move the passage. Measured once per frame, just before the page paints: measured
    // in the update listener, every keystroke forced a layout of its own.
    let frame: number | null = null
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return
      frame ??= requestAnimationFrame(() => {
        frame = null
        follow()
      })
    })
    return () => {
      window.removeEventListener('resize', place)
      if (frame !== null) cancelAnimationFrame(frame)
      unregister()
    }
  }, [anchor, card, editor, placement, wide])

  useLayoutEffect(() => {
    const element = card.current
    if (finished && element && outOfSight(element))
      element.scrollIntoView({ block: 'nearest', inline: 'nearest' })
  }, [card, finished])
}
