import { describe, expect, it } from 'vitest'
import {
  menuKeyMove,
  typeAheadMatch,
  TYPE_AHEAD_MS,
  type TypeAhead,
} from '../../../../src/renderer/src/ui/menuKeys'
import { placeMenu } from '../../../../src/renderer/src/editor/plugins/AiToolbar/useMenuPlacement'
import { paletteListMove } from '../../../../src/renderer/src/palette/paletteKeys'

const labels = ['Expand', 'Polish', 'Shorten', 'Simplify', 'Suggest titles', 'Translate']
const fresh: TypeAhead = { text: '', at: 0 }
const move = (key: string, current: number, typeAhead = fresh, now = 10_000) =>
  menuKeyMove(key, current, labels, typeAhead, now).move

describe('menu keys (WAI-ARIA menu pattern)', () => {
  it('moves with the arrows, wrapping at both ends', () => {
    expect(move('ArrowDown', 0)).toEqual({ type: 'focus', index: 1 })
    expect(move('ArrowDown', 5)).toEqual({ type: 'focus', index: 0 })
    expect(move('ArrowUp', 0)).toEqual({ type: 'focus', index: 5 })
    expect(move('ArrowUp', 3)).toEqual({ type: 'focus', index: 2 })
    // Nothing focused yet: down starts at the top, up at the bottom.
    expect(move('ArrowDown', -1)).toEqual({ type: 'focus', index: 0 })
    expect(move('ArrowUp', -1)).toEqual({ type: 'focus', index: 5 })
  })

  it('jumps with Home and End', () => {
    expect(move('Home', 4)).toEqual({ type: 'focus', index: 0 })
    expect(move('End', 1)).toEqual({ type: 'focus', index: 5 })
  })

  it('closes on Esc with focus back to the button, and on Tab without taking focus back', () => {
    expect(move('Escape', 2)).toEqual({ type: 'close', refocus: true })
    expect(move('Tab', 2)).toEqual({ type: 'close', refocus: false })
  })

  it('finds an item by its first letters, and cycles on the same letter', () => {
    expect(move('s', 0)).toEqual({ type: 'focus', index: 2 })
    expect(move('s', 2)).toEqual({ type: 'focus', index: 3 })
    expect(move('S', 4)).toEqual({ type: 'focus', index: 2 })
    // Letters typed quickly add up: "su" skips Shorten and Simplify.
    const first = menuKeyMove('s', 0, labels, fresh, 1_000)
    const second = menuKeyMove('u', 2, labels, first.typeAhead, 1_000 + TYPE_AHEAD_MS - 1)
    expect(second.move).toEqual({ type: 'focus', index: 4 })
    // After a pause a letter starts a new search.
    const late = menuKeyMove('t', 4, labels, first.typeAhead, 1_000 + TYPE_AHEAD_MS + 1)
    expect(late.typeAhead.text).toBe('t')
    expect(late.move).toEqual({ type: 'focus', index: 5 })
  })

  it('leaves focus where it is when nothing starts with the letters, and ignores other keys', () => {
    expect(move('z', 1)).toEqual({ type: 'none' })
    expect(move(' ', 1)).toEqual({ type: 'none' })
    expect(move('Shift', 1)).toEqual({ type: 'none' })
  })

  it('searches Chinese titles by their first character', () => {
    expect(typeAheadMatch(['扩写', '润色', '缩写', '翻译'], 0, '润')).toBe(1)
    expect(typeAheadMatch(['扩写', '润色'], 0, '缩')).toBe(-1)
  })
})

describe('menu placement', () => {
  const view = { width: 900, height: 700 }
  it('opens below when there is room', () => {
    const placed = placeMenu({ top: 100, bottom: 130, left: 300 }, view, 300, 240)
    expect(placed.up).toBe(false)
    expect(placed.maxHeight).toBe(300 + 20)
  })

  it('opens above a button low in a 700 px window, never taller than the room it has', () => {
    const placed = placeMenu({ top: 600, bottom: 630, left: 300 }, view, 400, 240)
    expect(placed.up).toBe(true)
    expect(placed.maxHeight).toBeLessThanOrEqual(600 - 6 - 8)
  })

  it('caps the height to the room below when neither side has enough', () => {
    const placed = placeMenu(
      { top: 100, bottom: 130, left: 300 },
      { width: 900, height: 420 },
      900,
      240,
    )
    expect(placed.up).toBe(false)
    expect(placed.maxHeight).toBe(420 - 130 - 6 - 8)
  })

  it('aligns to the right edge of its button near the window edge', () => {
    expect(placeMenu({ top: 100, bottom: 130, left: 780 }, view, 200, 240).alignRight).toBe(true)
  })
})

describe('palette list keys', () => {
  it('wraps the arrows and pages by eight', () => {
    expect(paletteListMove('ArrowDown', 9, 10)).toBe(0)
    expect(paletteListMove('ArrowUp', 0, 10)).toBe(9)
    expect(paletteListMove('PageDown', 5, 10)).toBe(9)
    expect(paletteListMove('PageUp', 5, 10)).toBe(0)
    expect(paletteListMove('a', 5, 10)).toBeNull()
    expect(paletteListMove('ArrowDown', 0, 0)).toBeNull()
  })
})
