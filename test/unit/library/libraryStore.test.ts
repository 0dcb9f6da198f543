import { rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { LibraryStore } from '@core/library/libraryStore'
import type { LayeredLibrary } from '@core/library/loadLibrary'
import {
  libraryListingSchema,
  promptPreviewSchema,
  promptTextSchema,
  savePromptResultSchema,
} from '@shared/prompts/libraryContract'
import { RESOURCES_DIR, eventually, promptText, put, tempDataDir } from './tempLibrary'

const stores: LibraryStore[] = []
async function open(dataDir: string, extraDir?: string) {
  const store = await LibraryStore.open({
    resourcesDir: RESOURCES_DIR,
    dataDir,
    extraDir,
    debounceMs: 50,
  })
  stores.push(store)
  return store
}
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.dispose()))
})

const has = (library: LayeredLibrary, id: string) => library.prompts.some((p) => p.id === id)

describe('LibraryStore', () => {
  it('creates the user folders when they do not exist yet', async () => {
    const dataDir = join(await tempDataDir(), 'not-yet')
    await open(dataDir)
    for (const folder of ['prompts/en', 'prompts/zh', 'personas/en', 'personas/zh'])
      expect((await stat(join(dataDir, folder))).isDirectory()).toBe(true)
  })

  it('picks up a prompt file written on disk and tells its listeners', async () => {
    const dataDir = await tempDataDir()
    const store = await open(dataDir)
    const heard: LayeredLibrary[] = []
    store.onChanged((library) => heard.push(library))
    expect(has(store.current, 'rewrite.from-disk')).toBe(false)

    await writeFile(
      join(dataDir, 'prompts', 'en', 'rewrite.from-disk.md'),
      promptText({ id: 'rewrite.from-disk' }),
    )
    const library = await eventually(() => heard.find((l) => has(l, 'rewrite.from-disk')))
    expect(library.prompts.find((p) => p.id === 'rewrite.from-disk')?.origin).toBe('user')
    expect(has(store.current, 'rewrite.from-disk')).toBe(true)
  })

  it('notices an edit, a broken file and a deletion', async () => {
    const dataDir = await tempDataDir()
    const file = await put(
      join(dataDir, 'prompts', 'en', 'rewrite.lyrical.md'),
      promptText({ id: 'rewrite.lyrical', title: 'Mine' }),
    )
    const store = await open(dataDir)
    const lyrical = () =>
      store.current.prompts.find((p) => p.id === 'rewrite.lyrical' && p.language === 'en')
    expect(lyrical()?.title).toBe('Mine')

    await writeFile(file, promptText({ id: 'rewrite.lyrical', title: 'Mine, edited' }))
    await eventually(() => (lyrical()?.title === 'Mine, edited' ? true : undefined))

    await writeFile(file, 'no front matter')
    await eventually(() =>
      store.current.problems.some((p) => p.source === file) ? true : undefined,
    )
    expect(lyrical()?.origin).toBe('bundled')

    await rm(file)
    await eventually(() => (store.current.problems.length === 0 ? true : undefined))
  })

  it('sees new presets in the user folder', async () => {
    const dataDir = await tempDataDir()
    const store = await open(dataDir)
    const preset = {
      id: 'misty',
      title: 'Misty',
      temperature: 0.8,
      topP: 0.9,
      topK: 40,
      repeatPenalty: 1.1,
      maxTokens: 300,
    }
    await writeFile(join(dataDir, 'presets.json'), JSON.stringify({ presets: [preset] }))
    await eventually(() => (store.current.presets.some((p) => p.id === 'misty') ? true : undefined))
    expect(store.current.presetOrigins.misty).toEqual({ origin: 'user', overrides: false })
  })

  it('reloads right after its own changes, before they return', async () => {
    const dataDir = await tempDataDir()
    const store = await open(dataDir)
    const saved = await store.savePrompt(
      'en',
      promptText({ id: 'rewrite.lyrical', title: 'Saved' }),
    )
    expect(saved.ok).toBe(true)
    expect(
      store.listing().prompts.find((p) => p.id === 'rewrite.lyrical' && p.language === 'en'),
    ).toMatchObject({
      title: 'Saved',
      origin: 'user',
      overrides: true,
    })
    await store.restorePrompt('rewrite.lyrical', 'en')
    expect(
      store.listing().prompts.find((p) => p.id === 'rewrite.lyrical' && p.language === 'en')
        ?.origin,
    ).toBe('bundled')
  })

  it('watches the extra folder it is pointed at', async () => {
    const dataDir = await tempDataDir()
    const extraDir = await tempDataDir()
    await put(
      join(extraDir, 'prompts', 'en', 'rewrite.shared.md'),
      promptText({ id: 'rewrite.shared' }),
    )
    const store = await open(dataDir)
    expect(has(store.current, 'rewrite.shared')).toBe(false)
    await store.setExtraDir(extraDir)
    expect(has(store.current, 'rewrite.shared')).toBe(true)
    await writeFile(
      join(extraDir, 'prompts', 'en', 'rewrite.shared-2.md'),
      promptText({ id: 'rewrite.shared-2' }),
    )
    await eventually(() => (has(store.current, 'rewrite.shared-2') ? true : undefined))
  })

  it('stops listening once disposed', async () => {
    const dataDir = await tempDataDir()
    const store = await open(dataDir)
    let calls = 0
    store.onChanged(() => calls++)
    await store.dispose()
    await writeFile(
      join(dataDir, 'prompts', 'en', 'rewrite.late.md'),
      promptText({ id: 'rewrite.late' }),
    )
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(calls).toBe(0)
    expect(has(store.current, 'rewrite.late')).toBe(false)
  })

  it('answers in the shapes proposed for the contract', async () => {
    const dataDir = await tempDataDir()
    const store = await open(dataDir)
    const saved = await store.savePrompt('en', promptText({ id: 'rewrite.mine' }))
    expect(savePromptResultSchema.parse(saved)).toMatchObject({
      ok: true,
      problems: [{ severity: 'warning' }],
    })
    const listing = libraryListingSchema.parse(store.listing())
    expect(listing.userFolder).toBe(join(dataDir, 'prompts'))
    expect(listing.prompts.find((p) => p.id === 'rewrite.mine')).toMatchObject({
      origin: 'user',
      overrides: false,
    })
    expect(promptTextSchema.parse(await store.readPrompt('rewrite.mine', 'en')).text).toContain(
      'id: rewrite.mine',
    )
    const preview = promptPreviewSchema.parse(
      store.preview({ promptId: 'rewrite.mine', selection: 'Rain.' }),
    )
    expect(preview.user).toContain('Rain.')
  })
})
