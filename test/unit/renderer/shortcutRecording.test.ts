import { describe, expect, it } from 'vitest'
import { shortcutOfChord } from '../../../src/renderer/src/editor/shortcuts'

const press = (
  key: string,
  code: string,
  mods: Partial<Record<'ctrl' | 'meta' | 'alt' | 'shift', boolean>> = {},
) => ({
  key,
  code,
  ctrlKey: Boolean(mods.ctrl),
  metaKey: Boolean(mods.meta),
  altKey: Boolean(mods.alt),
  shiftKey: Boolean(mods.shift),
})

describe('recording a shortcut from a key press', () => {
  it('writes Ctrl as Mod off a Mac and ⌘ as Mod on a Mac', () => {
    expect(shortcutOfChord(press('l', 'KeyL', { ctrl: true, alt: true }), false)).toBe('Mod+Alt+L')
    expect(shortcutOfChord(press('¬', 'KeyL', { meta: true, alt: true }), true)).toBe('Mod+Alt+L')
    expect(shortcutOfChord(press('l', 'KeyL', { ctrl: true }), true)).toBe('Ctrl+L')
    expect(shortcutOfChord(press('Enter', 'Enter', { ctrl: true, shift: true }), false)).toBe(
      'Mod+Shift+Enter',
    )
  })

  it('waits while only modifiers are held, and keeps an unusable key as pressed', () => {
    expect(shortcutOfChord(press('Control', 'ControlLeft', { ctrl: true }), false)).toBeNull()
    expect(shortcutOfChord(press('[', 'BracketLeft', { ctrl: true }), false)).toBe('Mod+[')
  })
})
