import { describe, expect, it } from 'vitest'
import { loadLibrary } from '@core/library/loadLibrary'
import {
  appKeyActions,
  checkShortcut,
  effectiveBindings,
  type KeyAction,
} from '@shared/prompts/keymap'
import { RESOURCES_DIR } from './tempLibrary'

const library = await loadLibrary({ resourcesDir: RESOURCES_DIR })
// As the renderer's keymap merges them: the app's actions, then each prompt id once.
const promptActions = new Map<string, string | null>()
for (const prompt of library.prompts)
  promptActions.set(prompt.id, promptActions.get(prompt.id) ?? prompt.shortcut ?? null)
const actions: KeyAction[] = [
  ...appKeyActions,
  ...[...promptActions].map(([id, defaultShortcut]) => ({ id, defaultShortcut })),
]
const defaults = effectiveBindings(actions, {})
const of = (id: string) => defaults.find((b) => b.id === id)?.shortcut

describe('the default shortcuts of the app and the bundled prompts', () => {
  it('give Best of N Mod+Alt+N, beside Compare’s Mod+Alt+B', () => {
    expect(of('app:best-of')).toBe('Mod+Alt+N')
    expect(of('app:compare')).toBe('Mod+Alt+B')
  })

  it('never clash with one another or with a key the editor or system keeps', () => {
    const withDefaults = actions.filter((a) => a.defaultShortcut)
    // Bundled prompts declare shortcuts too, so this covers more than the app's own.
    expect(withDefaults.length).toBeGreaterThan(appKeyActions.length)
    for (const action of withDefaults)
      expect([action.id, checkShortcut(action.defaultShortcut ?? '', action.id, defaults)]).toEqual(
        [action.id, { ok: true, shortcut: action.defaultShortcut }],
      )
    // None was dropped for a clash: every default is in effect.
    expect(defaults.map((b) => b.id).sort()).toEqual(withDefaults.map((a) => a.id).sort())
  })

  it('refuse Best of N’s and Compare’s keys for a prompt, naming the action that has them', () => {
    expect(checkShortcut('Ctrl+Alt+N', 'transform.polish', defaults)).toEqual({
      ok: false,
      reason: 'taken',
      by: 'app:best-of',
    })
    expect(checkShortcut('Mod+Alt+B', 'transform.polish', defaults)).toEqual({
      ok: false,
      reason: 'taken',
      by: 'app:compare',
    })
  })
})
