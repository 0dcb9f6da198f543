import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SettingsStore } from '@core/settings/settingsStore'

describe('the documentsFolder setting', () => {
  it('takes a full path, ~, or empty for the default, and survives a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'quire-docs-setting-'))
    const store = new SettingsStore(dir)
    expect((await store.load()).settings.documentsFolder).toBe('')
    for (const folder of ['/home/writer/Drafts', '~/Writing', 'C:\\Users\\writer\\Drafts', ''])
      expect((await store.update({ documentsFolder: folder })).documentsFolder).toBe(folder)
    await store.update({ documentsFolder: '  /srv/notes  ' })
    expect((await new SettingsStore(dir).load()).settings.documentsFolder).toBe('/srv/notes')
  })

  it('refuses a relative folder with a message that says what to do, and keeps the old one', async () => {
    const store = new SettingsStore(await mkdtemp(join(tmpdir(), 'quire-docs-setting-')))
    await store.load()
    await store.update({ documentsFolder: '/home/writer/Drafts' })
    await expect(store.update({ documentsFolder: 'Drafts' })).rejects.toMatchObject({
      code: 'invalid-request',
      message: expect.stringMatching(/^documentsFolder: Choose a full folder path/),
    })
    expect(store.get().documentsFolder).toBe('/home/writer/Drafts')
  })
})
