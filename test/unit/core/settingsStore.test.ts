import { mkdir, mkdtemp, readFile, readdir, rmdir, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SettingsStore } from '@core/settings/settingsStore'
import type { Settings } from '@shared/settings/schema'

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

describe('SettingsStore when the disk misbehaves', () => {
  it('refuses a change whose write fails, keeps the old value, and saves the next change', async () => {
    const dir = await freshDir()
    const store = new SettingsStore(dir)
    await store.load()
    // A folder where settings.json should be: the rename onto it fails.
    await mkdir(join(dir, 'settings.json'))
    await expect(store.update({ engine: { threads: 7 } })).rejects.toMatchObject({
      message: expect.stringContaining('Settings could not be saved'),
    })
    expect(store.get().engine.threads).toBe(0)
    await rmdir(join(dir, 'settings.json'))
    await store.update({ promptLanguage: 'zh' })
    const saved = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')) as Settings
    expect(saved.promptLanguage).toBe('zh')
    expect(saved.engine.threads).toBe(0)
    expect(store.get().promptLanguage).toBe('zh')
  })

  it('reads a settings file saved with a UTF-8 byte-order mark', async () => {
    const dir = await freshDir()
    await writeFile(join(dir, 'settings.json'), '\uFEFF{"promptLanguage": "zh"}')
    const { settings, problem } = await new SettingsStore(dir).load()
    expect(problem).toBeNull()
    expect(settings.promptLanguage).toBe('zh')
  })

  it('tells about an unreadable file once, keeping one copy, and starts quietly the next time', async () => {
    const dir = await freshDir()
    await writeFile(
      join(dir, 'settings.json'),
      JSON.stringify({ promptLanguage: 'klingon', engine: { contextSize: 8192 } }),
    )
    const first = await new SettingsStore(dir).load()
    expect(first.problem).toMatch(/\(promptLanguage\).*kept a copy of the old file at/)
    const second = await new SettingsStore(dir).load()
    expect(second.problem).toBeNull()
    expect(second.settings.engine.contextSize).toBe(8192)
    const copies = (await readdir(dir)).filter((f) => f.includes('.unreadable-'))
    expect(copies).toHaveLength(1)
    expect(await readFile(join(dir, copies[0] ?? ''), 'utf8')).toContain('klingon')
  })

  it('reports a settings.json that is a folder, instead of starting silently with defaults', async () => {
    const dir = await freshDir()
    await mkdir(join(dir, 'settings.json'))
    const store = new SettingsStore(dir)
    const { problem } = await store.load()
    expect(problem).toContain(join(dir, 'settings.json'))
    expect(problem).toContain('EISDIR')
    expect((await readdir(dir)).filter((f) => f.includes('.unreadable-'))).toEqual([])
    await expect(store.update({ promptLanguage: 'zh' })).rejects.toThrow('could not be read')
  })

  it('never overwrites a settings file it could not open, and saves once it can', async () => {
    const dir = await freshDir()
    const file = join(dir, 'settings.json')
    await mkdir(file)
    const store = new SettingsStore(dir)
    await store.load()
    // The folder is replaced by the writer's real file while Quire runs.
    await rmdir(file)
    await writeFile(file, JSON.stringify({ engine: { contextSize: 8192 } }))
    await store.update({ promptLanguage: 'zh' })
    const saved = JSON.parse(await readFile(file, 'utf8')) as Settings
    expect(saved.engine.contextSize).toBe(8192)
    expect(saved.promptLanguage).toBe('zh')
  })

  it('removes temp files a crashed save left behind, and leaves a save under way alone', async () => {
    const dir = await freshDir()
    const stale = join(dir, 'settings.json.4194303.1700000000000.tmp')
    const ours = join(dir, `settings.json.${process.pid}.${Date.now()}.tmp`)
    const unrelated = join(dir, 'notes.json.4194303.1.tmp')
    for (const file of [stale, ours, unrelated]) await writeFile(file, '{')
    await utimes(stale, new Date(0), new Date(0))
    await new SettingsStore(dir).load()
    const left = await readdir(dir)
    expect(left).not.toContain('settings.json.4194303.1700000000000.tmp')
    expect(left).toContain(basename(ours))
    expect(left).toContain('notes.json.4194303.1.tmp')
  })
})

describe('SettingsStore copies of an unreadable file', () => {
  it('keeps one copy when the same unreadable file comes back', async () => {
    const dir = await freshDir()
    const broken = '{"engine": {"threads": '
    await writeFile(join(dir, 'settings.json'), broken)
    const first = await new SettingsStore(dir).load()
    // A sync tool or a backup restores the same broken file.
    await writeFile(join(dir, 'settings.json'), broken)
    const second = await new SettingsStore(dir).load()
    const copies = (await readdir(dir)).filter((f) => f.includes('.unreadable-'))
    expect(copies).toHaveLength(1)
    expect(first.problem).toContain(copies[0])
    expect(second.problem).toContain(copies[0])
  })
})
