/** A rectangle in viewport coordinates (as getBoundingClientRect gives it). */
export type Box = { top: number; bottom: number; left: number; right: number }

/** The visible area: the window's size less the sticky header at its top. */
/** Where floating parts may go: `height` is the bottom of the visible page, `topInset` its top. */
export type View = { width: number; height: number; topInset: number }

/** Where a floating element goes, relative to its positioned container. */
export type Placement = { top: number; left: number }

/**
 * Where the card goes: `top` (it grows down) or `bottom` (it grows up, for a card above the
 * passage), `left`, an optional narrower `width` beside the text, and whether the page must
 * scroll to show it.
 */
export type CardPlacement = {
  side: 'below' | 'above' | 'beside'
  top: number | null
  bottom: number | null
  left: number
  width: number | null
  /** The card scrolls inside itself beyond this height, so it stays within the window. */
  maxHeight: number
  /** How far to scroll the page down to show the card (0: it is in view where it is). */
  scrollBy: number
}

const GAP = 10
const MARGIN = 8
/** The narrowest card worth putting beside the text on a wide window. */
const MIN_BESIDE_WIDTH = 340
/** The passage's last lines left in sight above a card the page scrolled to. */
const CONTEXT = 64

const clamp = (value: number, min: number, max: number): number =>
  Math.max(min, Math.min(value, max))

/** A left edge that keeps an element of `width` inside both the container and the window. */
function clampedLeft(left: number, width: number, container: Box, view: View): number {
  const min = Math.max(0, MARGIN - container.left)
  const max = Math.min(container.right, view.width - MARGIN) - container.left - width
  return Math.max(min, Math.min(left - container.left, max))
}

/**
 * Places the suggestion card so it is in the window and never covers the passage, and covers
 * the lines after it (which the writer reads on into) only when there is no room elsewhere:
 * beside the text on a window wide enough, else above the passage when the card fits there,
 * else below it, and otherwise below it with the page scrolled to show it (a passage taller
 * than the window, or one out of sight).
 */
export function placeCard(
  passage: Box,
  container: Box,
  card: { width: number; height: number },
  view: View,
): CardPlacement {
  const visibleTop = view.topInset + MARGIN
  const visibleBottom = view.height - MARGIN
  const left = clampedLeft(passage.left, card.width, container, view)
  const besideRoom = view.width - MARGIN - (container.right + GAP)
  if (besideRoom >= MIN_BESIDE_WIDTH) {
    const width = Math.min(card.width, besideRoom)
    const top = clamp(passage.top, visibleTop, Math.max(visibleTop, visibleBottom - card.height))
    return {
      side: 'beside',
      top: top - container.top,
      bottom: null,
      left: container.right + GAP - container.left,
      width,
      maxHeight: visibleBottom - top,
      scrollBy: 0,
    }
  }
  const roomAbove = passage.top - GAP - visibleTop
  if (roomAbove >= card.height && passage.top - GAP <= visibleBottom)
    return {
      side: 'above',
      top: null,
      bottom: container.bottom - (passage.top - GAP),
      left,
      width: null,
      maxHeight: roomAbove,
      scrollBy: 0,
    }
  const roomBelow = visibleBottom - (passage.bottom + GAP)
  if (roomBelow >= card.height && passage.bottom + GAP >= visibleTop)
    return below(passage, container, left, roomBelow, 0)
  // Scrolled so the card starts a little under the top, below the passage's last lines.
  const scrollBy = passage.bottom + GAP - (visibleTop + CONTEXT)
  return below(passage, container, left, visibleBottom - visibleTop - CONTEXT, scrollBy)
}

function below(
  passage: Box,
  container: Box,
  left: number,
  maxHeight: number,
  scrollBy: number,
): CardPlacement {
  return {
    side: 'below',
    top: passage.bottom + GAP - container.top,
    bottom: null,
    left,
    width: null,
    maxHeight,
    scrollBy,
  }
}

/**
 * Places the toolbar above the selection, or below it when there is no room above; a selection
 * taller than the window gets the toolbar at the top of the visible area.
 */
export function placeToolbar(
  selection: Box,
  container: Box,
  toolbar: { width: number; height: number },
  view: View,
): Placement {
  const visibleTop = view.topInset + MARGIN
  const visibleBottom = view.height - MARGIN
  const above = selection.top - GAP - toolbar.height
  const belowTop = selection.bottom + GAP
  const top =
    above >= visibleTop
      ? above
      : belowTop + toolbar.height <= visibleBottom
        ? belowTop
        : clamp(above, visibleTop, visibleBottom - toolbar.height)
  return {
    top: top - container.top,
    left: clampedLeft(selection.left, toolbar.width, container, view),
  }
}

/** The bounding box of the browser's current selection; null when it is collapsed or hidden. */
export function selectionBox(): Box | null {
  const selection = window.getSelection()
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null
  const rect = selection.getRangeAt(0).getBoundingClientRect()
  if (rect.width === 0 && rect.height === 0) return null
  return { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right }
}

/** The box around several elements (the passage's marks); null when there are none. */
export function unionBox(elements: Iterable<Element>): Box | null {
  let box: Box | null = null
  for (const element of elements) {
    const rect = element.getBoundingClientRect()
    if (rect.width === 0 && rect.height === 0) continue
    box = box
      ? {
          top: Math.min(box.top, rect.top),
          bottom: Math.max(box.bottom, rect.bottom),
          left: Math.min(box.left, rect.left),
          right: Math.max(box.right, rect.right),
        }
      : { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right }
  }
  return box
}

/**
 * The window as the floating parts see it: its size less the sticky header at the top and the
 * status bar stuck to the bottom (a card under it would hide its own buttons).
 */
export function currentView(): View {
  const header = document.querySelector('.app-header')
  const status = document.querySelector('.status-bar')?.getBoundingClientRect()
  const stuckToBottom = status && status.height > 0 && status.bottom >= window.innerHeight - 1
  return {
    width: window.innerWidth,
    height: stuckToBottom ? Math.max(0, status.top) : window.innerHeight,
    topInset: header ? Math.max(0, header.getBoundingClientRect().bottom) : 0,
  }
}

/**
 * The same placement moved along with its passage (text typed or removed above it): the card
 * keeps its side, so it does not jump while the writer works, and stays off the passage.
 */
export function followPassage(
  placement: CardPlacement,
  passage: Box,
  container: Box,
): CardPlacement {
  switch (placement.side) {
    case 'below':
      return { ...placement, top: passage.bottom + GAP - container.top }
    case 'above':
      return { ...placement, bottom: container.bottom - (passage.top - GAP) }
    case 'beside':
      return placement
    default:
      return placement.side satisfies never
  }
}
