import { describe, expect, it } from 'vitest'
import type { QuireApi } from '@shared/contract'
import {
  RECENT_INSTRUCTIONS_MAX,
  applySettingsPatch,
  settingsPatchSchema,
  settingsSchema,
  type Settings,
} from '@shared/settings/schema'
import { PrefsStore } from '../../../../src/renderer/src/palette/userPrefs'
import { withRecentInstruction } from '../../../../src/renderer/src/palette/recentInstructions'

/** A host that keeps settings the way the real one does (validated patches), or refuses. */
function fakeHost(options: { refuse?: boolean } = {}) {
  let settings: Settings = settingsSchema.parse({})
  const saved: unknown[] = []
  const api = {
    getSettings: async () => settings,
    updateSettings: async (patch: unknown) => {
      if (options.refuse) throw new Error('disk full')
      settings = applySettingsPatch(settings, settingsPatchSchema.parse(patch))
      saved.push(patch)
      return settings
    },
  } as unknown as QuireApi
  return { api, saved, current: () => settings }
}

describe('recent instructions', () => {
  it('puts the newest first, moves a repeat up instead of listing it twice, and keeps a few', () => {
    let recent: string[] = []
    for (const text of ['make it sadder', '改成第二人称', '  Make it   SADDER '])
      recent = withRecentInstruction(recent, text)
    expect(recent).toEqual(['Make it SADDER', '改成第二人称'])
    for (let i = 0; i < 30; i++) recent = withRecentInstruction(recent, `instruction ${i}`)
    expect(recent).toHaveLength(RECENT_INSTRUCTIONS_MAX)
    expect(recent[0]).toBe('instruction 29')
    expect(withRecentInstruction(['a'], '   ')).toEqual(['a'])
  })

  it('are saved by the host in settings, not only in the page', async () => {
    const host = fakeHost()
    const store = new PrefsStore(host.api)
    await store.load()
    await store.rememberInstruction('用鲁迅的口吻')
    await store.rememberInstruction('make it sadder')
    expect(host.current().recentInstructions).toEqual(['make it sadder', '用鲁迅的口吻'])
    // A new window (a new store) reads them back.
    const again = new PrefsStore(host.api)
    await again.load()
    expect(again.get().recentInstructions).toEqual(['make it sadder', '用鲁迅的口吻'])
  })
})

describe('shortcut settings', () => {
  it('saves a shortcut, turns one off with "", and goes back to the default with null', async () => {
    const host = fakeHost()
    const store = new PrefsStore(host.api)
    await store.load()
    await store.setShortcut('app:palette', 'Mod+Shift+P')
    await store.setShortcut('rewrite.lyrical', '')
    expect(host.current().shortcuts).toEqual({
      'app:palette': 'Mod+Shift+P',
      'rewrite.lyrical': '',
    })
    await store.setShortcut('app:palette', null)
    expect(store.get().shortcuts).toEqual({ 'rewrite.lyrical': '' })
  })

  it('undoes the change in the page when the host cannot save it', async () => {
    const store = new PrefsStore(fakeHost({ refuse: true }).api)
    await store.load()
    let seen = 0
    store.subscribe(() => seen++)
    await expect(store.setShortcut('app:palette', 'Mod+Shift+P')).rejects.toThrow('disk full')
    expect(store.get().shortcuts).toEqual({})
    expect(seen).toBe(2)
  })
})
