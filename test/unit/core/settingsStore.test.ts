import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SettingsStore } from '@core/settings/settingsStore'

const freshDir = () => mkdtemp(join(tmpdir(), 'quire-settings-'))

describe('SettingsStore', () => {
  it('starts from the defaults and saves a change that survives a restart', async () => {
    const dir = await freshDir()
    const store = new SettingsStore(dir)
    expect((await store.load()).settings.engine).toMatchObject({
      threads: 0,
      contextSize: 4096,
      gpu: 'auto',
      sequences: 2,
    })
    await store.update({ engine: { threads: 3 }, promptLanguage: 'zh' })
    const again = new SettingsStore(dir)
    const { settings } = await again.load()
    expect(settings.engine.threads).toBe(3)
    expect(settings.engine.contextSize).toBe(4096)
    expect(settings.promptLanguage).toBe('zh')
  })

  it('refuses a bad change with the field at fault and keeps the old settings', async () => {
    const dir = await freshDir()
    const store = new SettingsStore(dir)
    await store.load()
    await expect(store.update({ engine: { contextSize: 10 } })).rejects.toMatchObject({
      code: 'invalid-request',
      message: expect.stringContaining('engine.contextSize'),
    })
    await expect(store.update({ remote: { baseUrl: 'ftp://example.com' } })).rejects.toMatchObject({
      message: expect.stringContaining('http'),
    })
    expect(store.get().engine.contextSize).toBe(4096)
  })

  it('sets an unreadable file aside instead of overwriting it', async () => {
    const dir = await freshDir()
    await writeFile(join(dir, 'settings.json'), '{"engine": {"threads": ')
    const store = new SettingsStore(dir)
    const { problem } = await store.load()
    expect(problem).toMatch(/could not be read.*kept a copy/)
    const files = await readdir(dir)
    const aside = files.find((f) => f.startsWith('settings.json.unreadable-'))
    expect(aside).toBeDefined()
    expect(await readFile(join(dir, aside ?? ''), 'utf8')).toBe('{"engine": {"threads": ')
  })

  it('keeps every good value when one is bad, and says which one was dropped', async () => {
    const dir = await freshDir()
    await writeFile(
      join(dir, 'settings.json'),
      JSON.stringify({ engine: { threads: 'two', contextSize: 8192 }, promptLanguage: 'zh' }),
    )
    const store = new SettingsStore(dir)
    const { settings, problem } = await store.load()
    expect(settings.engine.contextSize).toBe(8192)
    expect(settings.promptLanguage).toBe('zh')
    expect(settings.engine.threads).toBe(0)
    expect(problem).toMatch(/could not be read \(engine\.threads\).*kept everything else/)
  })
})
