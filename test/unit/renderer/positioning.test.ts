import { describe, expect, it } from 'vitest'
import {
  followPassage,
  placeCard,
  placeToolbar,
  type Box,
  type View,
} from '../../../src/renderer/src/editor/positioning'

// A 900×700 window with a 56 px header and a 720 px column centred in it.
const view: View = { width: 900, height: 700, topInset: 56 }
const column = (scrolled = 0): Box => ({
  top: 100 - scrolled,
  bottom: 3000 - scrolled,
  left: 90,
  right: 810,
})
const card = { width: 520, height: 240 }

const overlaps = (a: Box, b: Box): boolean =>
  a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top

/** The card's box in the window, from a placement relative to the column. */
function cardBox(container: Box, placement: ReturnType<typeof placeCard>, height: number): Box {
  const left = container.left + placement.left
  const width = placement.width ?? card.width
  const top =
    placement.top !== null
      ? container.top + placement.top
      : container.bottom - (placement.bottom ?? 0) - height
  return { top, bottom: top + height, left, right: left + width }
}

describe('placeCard', () => {
  it('puts the card under a short passage when it fits there, inside the window', () => {
    const passage = { top: 200, bottom: 230, left: 150, right: 600 }
    const placed = placeCard(passage, column(), card, view)
    expect(placed.side).toBe('below')
    expect(placed.scrollBy).toBe(0)
    const shown = cardBox(column(), placed, Math.min(card.height, placed.maxHeight))
    expect(overlaps(shown, passage)).toBe(false)
    expect(shown.bottom).toBeLessThanOrEqual(view.height)
  })

  it('puts it above a passage near the bottom of the window, growing upwards', () => {
    const passage = { top: 600, bottom: 640, left: 150, right: 600 }
    const placed = placeCard(passage, column(), card, view)
    expect(placed.side).toBe('above')
    expect(placed.top).toBeNull()
    // However tall it grows (up to maxHeight) it stays under the header and off the passage.
    const shown = cardBox(column(), placed, placed.maxHeight)
    expect(shown.top).toBeGreaterThanOrEqual(view.topInset)
    expect(overlaps(shown, passage)).toBe(false)
  })

  it('puts it beside a passage taller than the window when the window is wide', () => {
    const wide: View = { width: 1600, height: 700, topInset: 56 }
    const container = { top: 100, bottom: 3000, left: 440, right: 1160 }
    const passage = { top: -400, bottom: 1400, left: 460, right: 1150 }
    const placed = placeCard(passage, container, card, wide)
    expect(placed.side).toBe('beside')
    const shown = cardBox(container, placed, Math.min(card.height, placed.maxHeight))
    expect(overlaps(shown, passage)).toBe(false)
    expect(shown.right).toBeLessThanOrEqual(wide.width)
    expect(shown.top).toBeGreaterThanOrEqual(wide.topInset)
  })

  it('leaves the lines under the passage free when there is room above: above, not below', () => {
    const passage = { top: 420, bottom: 450, left: 150, right: 600 }
    const placed = placeCard(passage, column(), card, view)
    // Both sides have room; the writer reads on below, so the card goes above.
    expect(placed.side).toBe('above')
    const shown = cardBox(column(), placed, Math.min(card.height, placed.maxHeight))
    expect(shown.bottom).toBeLessThanOrEqual(passage.top)
  })

  it('on a wide window puts it beside a short passage, off the text column', () => {
    const wide: View = { width: 1600, height: 900, topInset: 56 }
    const container = { top: 100, bottom: 3000, left: 440, right: 1160 }
    const passage = { top: 200, bottom: 230, left: 460, right: 900 }
    const placed = placeCard(passage, container, card, wide)
    expect(placed.side).toBe('beside')
    const shown = cardBox(container, placed, Math.min(card.height, placed.maxHeight))
    expect(shown.left).toBeGreaterThanOrEqual(container.right)
    expect(shown.right).toBeLessThanOrEqual(wide.width)
  })

  it('puts it under a passage taller than a narrow window and asks to scroll there', () => {
    const passage = { top: -446, bottom: 1250, left: 100, right: 800 }
    const placed = placeCard(passage, column(), card, view)
    expect(placed.side).toBe('below')
    expect(placed.top).toBe(1250 + 10 - column().top)
    // Scrolled by that much, the card starts under the header with the passage's end above it,
    // and however tall it grows it ends inside the window.
    const top = 1250 + 10 - placed.scrollBy
    expect(top).toBeGreaterThan(view.topInset)
    expect(top + placed.maxHeight).toBeLessThanOrEqual(view.height)
  })

  it('keeps the card inside a window narrower than the column', () => {
    const narrow: View = { width: 480, height: 700, topInset: 56 }
    const container = { top: 100, bottom: 3000, left: 24, right: 456 }
    const passage = { top: 200, bottom: 230, left: 300, right: 450 }
    const placed = placeCard(passage, container, { width: 432, height: 240 }, narrow)
    expect(container.left + placed.left).toBeGreaterThanOrEqual(0)
    expect(container.left + placed.left + 432).toBeLessThanOrEqual(narrow.width)
  })
})

describe('placeToolbar', () => {
  const toolbar = { width: 540, height: 40 }

  it('sits above the selection when there is room', () => {
    const placed = placeToolbar(
      { top: 300, bottom: 330, left: 150, right: 400 },
      column(),
      toolbar,
      view,
    )
    expect(column().top + placed.top).toBe(300 - 10 - 40)
  })

  it('stays in the window for a selection that starts above it', () => {
    const placed = placeToolbar(
      { top: -446, bottom: 1250, left: 100, right: 800 },
      column(),
      toolbar,
      view,
    )
    const top = column().top + placed.top
    expect(top).toBeGreaterThanOrEqual(view.topInset)
    expect(top + toolbar.height).toBeLessThanOrEqual(view.height)
  })

  it('goes under a selection that touches the header', () => {
    const placed = placeToolbar(
      { top: 70, bottom: 100, left: 100, right: 300 },
      column(),
      toolbar,
      view,
    )
    expect(column().top + placed.top).toBe(110)
  })
})

describe('followPassage', () => {
  it('moves a card below or above along with its passage, and keeps its side', () => {
    const passage = { top: 200, bottom: 230, left: 150, right: 600 }
    const below = placeCard(passage, column(), card, view)
    const moved = { ...passage, top: 290, bottom: 320 }
    const followed = followPassage(below, moved, column())
    expect(followed.side).toBe('below')
    expect(column().top + (followed.top ?? 0)).toBe(330)
    const low = { top: 600, bottom: 640, left: 150, right: 600 }
    const above = placeCard(low, column(), card, view)
    const up = followPassage(above, { ...low, top: 630, bottom: 670 }, column())
    expect(column().bottom - (up.bottom ?? 0)).toBe(620)
  })
})
