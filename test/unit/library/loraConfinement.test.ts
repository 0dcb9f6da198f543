import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadLibrary } from '@core/library/loadLibrary'
import { loraPath } from '@core/library/loraFiles'
import { SettingsStore } from '@core/settings/settingsStore'
import { RESOURCES_DIR, promptText, put, tempDataDir } from './tempLibrary'

const load = (dataDir: string) => loadLibrary({ resourcesDir: RESOURCES_DIR, dataDir })

/** A prompt file whose front matter names one LoRA adapter. */
const withLora = (id: string, file: string) =>
  promptText({ id }).replace('preset: creative\n', `preset: creative\nlora: [{file: "${file}"}]\n`)

const refusal = 'without a folder, an absolute path or ".."'

describe('lora: paths stay in the data folder’s lora/', () => {
  it.each([
    ['an absolute path', '/etc/passwd'],
    ['a parent folder', '../../models/other.gguf'],
    ['a sub-folder', 'styles/autumn.gguf'],
    ['a Windows path', 'C:\\\\Users\\\\me\\\\x.gguf'],
  ])('refuses %s in a prompt, naming the file, line and field', async (_what, file) => {
    const dataDir = await tempDataDir()
    const source = await put(
      join(dataDir, 'prompts', 'en', 'rewrite.far.md'),
      withLora('rewrite.far', file),
    )
    const library = await load(dataDir)
    expect(library.problems).toContainEqual(
      expect.objectContaining({
        source,
        line: 6,
        field: 'lora.0.file',
        message: expect.stringContaining(refusal),
      }),
    )
    expect(library.prompts.some((p) => p.id === 'rewrite.far')).toBe(false)
  })

  it('loads a prompt that names an adapter in the lora folder', async () => {
    const dataDir = await tempDataDir()
    await put(
      join(dataDir, 'prompts', 'en', 'rewrite.near.md'),
      withLora('rewrite.near', 'autumn.gguf'),
    )
    const library = await load(dataDir)
    expect(library.prompts.find((p) => p.id === 'rewrite.near')?.lora).toEqual([
      { file: 'autumn.gguf', scale: 1 },
    ])
  })

  it('refuses a preset in presets.json that points outside', async () => {
    const dataDir = await tempDataDir()
    const preset = { id: 'far', title: 'Far', lora: [{ file: '../secret.gguf' }] }
    const source = await put(join(dataDir, 'presets.json'), JSON.stringify({ presets: [preset] }))
    const library = await load(dataDir)
    expect(library.problems).toContainEqual(
      expect.objectContaining({ source, field: 'presets.0.lora.0.file' }),
    )
    expect(library.presets.some((p) => p.id === 'far')).toBe(false)
  })

  it('refuses a preset from Settings that points outside', async () => {
    const store = new SettingsStore(await tempDataDir())
    await store.load()
    const preset = {
      id: 'far',
      title: 'Far',
      temperature: 0.8,
      topP: 0.9,
      topK: 40,
      repeatPenalty: 1.1,
      maxTokens: 300,
    }
    await expect(
      store.update({ userPresets: [{ ...preset, lora: [{ file: '/tmp/x.gguf' }] }] }),
    ).rejects.toThrow(refusal)
  })

  it('makes every adapter path inside the lora folder, and refuses one that is not', async () => {
    const dataDir = await tempDataDir()
    expect(loraPath(dataDir, 'autumn.gguf')).toBe(resolve(dataDir, 'lora', 'autumn.gguf'))
    expect(() => loraPath(dataDir, '../autumn.gguf')).toThrow('outside your lora folder')
    expect(() => loraPath(dataDir, '/etc/passwd')).toThrow('outside your lora folder')
  })
})
