import { describe, expect, it } from 'vitest'
import {
  appKeyActions,
  checkShortcut,
  effectiveBindings,
  type KeyAction,
} from '@shared/prompts/keymap'
import { readShortcut } from '@shared/prompts/shortcuts'
import { keyActions } from '../../../../src/renderer/src/palette/keymap'

const actions: KeyAction[] = [
  ...appKeyActions,
  { id: 'rewrite.lyrical', defaultShortcut: 'Mod+Alt+L' },
  { id: 'poem.free-verse', defaultShortcut: 'Mod+Alt+P' },
  { id: 'transform.polish', defaultShortcut: null },
]
const defaults = effectiveBindings(actions, {})

describe('effective shortcuts', () => {
  it('uses each action’s default unless the writer set another or turned it off', () => {
    const bindings = effectiveBindings(actions, {
      'app:palette': 'Mod+Shift+P',
      'rewrite.lyrical': '',
      'transform.polish': 'ctrl+alt+o',
    })
    const of = (id: string) => bindings.find((b) => b.id === id)?.shortcut ?? null
    expect(of('app:palette')).toBe('Mod+Shift+P')
    expect(of('app:rewrite')).toBe('Mod+Alt+R')
    expect(of('rewrite.lyrical')).toBeNull()
    // Written the canonical way, whatever the writer typed.
    expect(of('transform.polish')).toBe('Ctrl+Alt+O')
  })

  it('never lets one key run two things: the earlier action keeps it', () => {
    const bindings = effectiveBindings(actions, { 'poem.free-verse': 'Mod+Alt+L' })
    expect(bindings.filter((b) => b.shortcut === 'Mod+Alt+L').map((b) => b.id)).toEqual([
      'rewrite.lyrical',
    ])
  })

  it('takes a prompt’s shortcut from whichever language file declares it', () => {
    const merged = keyActions([
      { id: 'rewrite.lyrical', shortcut: null },
      { id: 'rewrite.lyrical', shortcut: 'Mod+Alt+L' },
    ])
    expect(merged.find((a) => a.id === 'rewrite.lyrical')?.defaultShortcut).toBe('Mod+Alt+L')
  })
})

describe('checking a shortcut as the writer types it', () => {
  it('refuses nonsense, naming what is wrong', () => {
    expect(checkShortcut('banana', 'transform.polish', defaults)).toMatchObject({
      ok: false,
      reason: 'bad-key',
    })
    expect(checkShortcut('Hyper+L', 'transform.polish', defaults)).toMatchObject({
      ok: false,
      reason: 'not-modifier',
      part: 'Hyper',
    })
    expect(checkShortcut('Shift+L', 'transform.polish', defaults)).toMatchObject({
      ok: false,
      reason: 'bare-key',
    })
    expect(checkShortcut('Mod+', 'transform.polish', defaults)).toMatchObject({
      ok: false,
      reason: 'bad-key',
    })
  })

  it('refuses keys the editor and the system keep', () => {
    for (const [typed, use] of [
      ['Mod+C', 'copy'],
      ['Mod+V', 'paste'],
      ['Mod+X', 'cut'],
      ['Mod+Z', 'undo'],
      ['Mod+A', 'select-all'],
      ['Mod+S', 'save'],
      ['Mod+K', 'palette'],
      ['Mod+Enter', 'accept'],
    ] as const)
      expect(checkShortcut(typed, 'transform.polish', defaults)).toEqual({
        ok: false,
        reason: 'reserved',
        use,
      })
  })

  it('refuses Rewrite’s own Mod+Alt+R for a prompt, but lets Rewrite keep it', () => {
    expect(checkShortcut('Mod+Alt+R', 'transform.polish', defaults)).toEqual({
      ok: false,
      reason: 'reserved',
      use: 'rewrite',
    })
    expect(checkShortcut('Mod+Alt+R', 'app:rewrite', defaults)).toEqual({
      ok: true,
      shortcut: 'Mod+Alt+R',
    })
    expect(checkShortcut('mod+k', 'app:palette', defaults)).toEqual({ ok: true, shortcut: 'Mod+K' })
  })

  it('names the action that already has the keys, on either platform', () => {
    expect(checkShortcut('Mod+Alt+L', 'transform.polish', defaults)).toEqual({
      ok: false,
      reason: 'taken',
      by: 'rewrite.lyrical',
    })
    // Ctrl+Alt+A is what Mod+Alt+A presses off a Mac.
    expect(checkShortcut('Ctrl+Alt+A', 'transform.polish', defaults)).toEqual({
      ok: false,
      reason: 'taken',
      by: 'app:ask',
    })
    // An action may keep (or retype) its own shortcut.
    expect(checkShortcut('Alt+Mod+L', 'rewrite.lyrical', defaults)).toEqual({
      ok: true,
      shortcut: 'Mod+Alt+L',
    })
  })

  it('accepts a free shortcut in canonical form, and empty as no shortcut', () => {
    expect(checkShortcut(' alt + mod + o ', 'transform.polish', defaults)).toEqual({
      ok: true,
      shortcut: 'Mod+Alt+O',
    })
    expect(checkShortcut('', 'transform.polish', defaults)).toEqual({ ok: true, shortcut: '' })
    expect(readShortcut('Mod+Alt+Enter')).toMatchObject({ ok: true })
  })
})
