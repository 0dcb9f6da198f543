import { useLayoutEffect, type RefObject } from 'react'
import {
  currentView,
  placeCard,
  selectionBox,
  unionBox,
  type CardPlacement,
} from '../../positioning'
import type { SuggestionState } from './suggestionState'

/** The card's width when it has the room (styles/ai.css). */
const CARD_WIDTH = 520
/** Room the card needs on a side: its header, a few lines, and its buttons. */
const MIN_CARD_HEIGHT = 240

const px = (value: number | null): string => (value === null ? '' : `${Math.round(value)}px`)

function apply(element: HTMLElement, placement: CardPlacement): void {
  element.style.top = px(placement.top)
  element.style.bottom = px(placement.bottom)
  element.style.left = px(placement.left)
  element.style.width = px(placement.width)
  element.style.maxHeight = px(placement.maxHeight)
  element.dataset.side = placement.side
}

/** The card is out of sight (under the header, or past the window's bottom edge). */
function outOfSight(element: HTMLElement): boolean {
  const rect = element.getBoundingClientRect()
  return rect.top < currentView().topInset || rect.bottom > window.innerHeight
}

/**
 * Places the card for the current request, beside the passage (its marks, or the selection)
 * and inside the window: when the request starts and when the window is resized. The card is
 * then scrolled into view, and again when it ends if it grew out of sight meanwhile.
 */
export function useCardPlacement(
  anchor: RefObject<HTMLDivElement | null>,
  card: RefObject<HTMLDivElement | null>,
  state: SuggestionState,
): void {
  const requestId = state.phase === 'idle' ? null : state.requestId
  const finished = state.phase === 'done' || state.phase === 'error'

  useLayoutEffect(() => {
    if (requestId === null) return
    const place = (): void => {
      const container = anchor.current
      const element = card.current
      if (!container || !element) return
      const passage =
        unionBox(container.querySelectorAll('mark.suggestion-target')) ?? selectionBox()
      const box = container.getBoundingClientRect()
      const size = {
        width: Math.min(CARD_WIDTH, box.width),
        height: Math.max(MIN_CARD_HEIGHT, element.offsetHeight),
      }
      const placement = placeCard(passage ?? { ...box, bottom: box.top }, box, size, currentView())
      apply(element, placement)
      if (placement.scroll || outOfSight(element))
        element.scrollIntoView({ block: 'nearest', inline: 'nearest' })
    }
    place()
    window.addEventListener('resize', place)
    return () => window.removeEventListener('resize', place)
  }, [anchor, card, requestId])

  useLayoutEffect(() => {
    const element = card.current
    if (finished && element && outOfSight(element))
      element.scrollIntoView({ block: 'nearest', inline: 'nearest' })
  }, [card, finished])
}
