import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadLibrary } from '@core/library/loadLibrary'
import { previewPrompt } from '@core/library/previewPrompt'
import {
  deleteUserPrompt,
  duplicatePrompt,
  restorePrompt,
  saveUserPrompt,
} from '@core/library/userPrompts'
import { RESOURCES_DIR, promptText, put, tempDataDir } from './tempLibrary'

const load = (dataDir: string, extraDir?: string) =>
  loadLibrary({ resourcesDir: RESOURCES_DIR, dataDir, extraDir })
const find = (library: Awaited<ReturnType<typeof load>>, id: string, language: 'zh' | 'en') =>
  library.prompts.find((p) => p.id === id && p.language === language)

const lyricalOverride = promptText({
  id: 'rewrite.lyrical',
  title: 'My lyrical',
  style: 'Rewrite it like a rainy afternoon.',
  shortcut: 'Mod+Alt+L',
})

describe('the user library', () => {
  it('lets a user file override the bundled prompt with the same id and language, and restores it', async () => {
    const dataDir = await tempDataDir()
    const saved = await saveUserPrompt(await load(dataDir), 'en', lyricalOverride)
    expect(saved).toMatchObject({
      ok: true,
      file: join(dataDir, 'prompts', 'en', 'rewrite.lyrical.md'),
    })

    let library = await load(dataDir)
    expect(find(library, 'rewrite.lyrical', 'en')).toMatchObject({
      title: 'My lyrical',
      origin: 'user',
      overrides: true,
      shortcut: 'Mod+Alt+L',
    })
    expect(find(library, 'rewrite.lyrical', 'zh')).toMatchObject({
      origin: 'bundled',
      overrides: false,
    })
    const rendered = previewPrompt(library, {
      promptId: 'rewrite.lyrical',
      selection: 'Rain.',
      language: 'en',
    })
    expect(rendered.user).toContain('like a rainy afternoon')
    expect(library.problems).toEqual([])

    const restored = await restorePrompt(library, 'rewrite.lyrical', 'en')
    library = await load(dataDir)
    expect(find(library, 'rewrite.lyrical', 'en')).toMatchObject({
      title: 'Lyrical prose',
      origin: 'bundled',
    })
    // Nothing is lost: the writer's version is kept beside where it was.
    expect(await readFile(restored.backup, 'utf8')).toBe(lyricalOverride)
    expect(await readdir(join(dataDir, 'prompts', 'en'))).toEqual(['rewrite.lyrical.md.bak'])
  })

  it('refuses to save a prompt with errors, writes nothing and names the line and field', async () => {
    const dataDir = await tempDataDir()
    const library = await load(dataDir)
    const result = await saveUserPrompt(
      library,
      'en',
      promptText({ id: 'rewrite.mine', preset: 'glacial', shortcut: 'Mod+Alt+P' }),
    )
    expect(result.ok).toBe(false)
    expect(result.problems).toEqual([
      expect.objectContaining({ field: 'preset', line: 5, message: 'Unknown preset "glacial".' }),
      expect.objectContaining({
        field: 'shortcut',
        line: 6,
        message: expect.stringContaining('already the shortcut of "poem.free-verse"'),
      }),
      expect.objectContaining({ severity: 'warning', field: 'id' }),
    ])
    await expect(readdir(join(dataDir, 'prompts', 'en'))).rejects.toThrow()
  })

  it('saves a new prompt with only a warning when its other language is missing', async () => {
    const dataDir = await tempDataDir()
    const result = await saveUserPrompt(
      await load(dataDir),
      'zh',
      promptText({ id: 'rewrite.mine' }),
    )
    expect(result.ok).toBe(true)
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringContaining('no English version'),
      }),
    ])
    expect(find(await load(dataDir), 'rewrite.mine', 'zh')).toMatchObject({
      origin: 'user',
      overrides: false,
    })
  })

  it('keeps the previous version as .bak when a prompt is saved again', async () => {
    const dataDir = await tempDataDir()
    const first = promptText({ id: 'rewrite.mine', title: 'First' })
    await saveUserPrompt(await load(dataDir), 'en', first)
    const second = await saveUserPrompt(
      await load(dataDir),
      'en',
      promptText({ id: 'rewrite.mine', title: 'Second' }),
    )
    expect(second.ok).toBe(true)
    if (!second.ok) return
    expect(await readFile(`${second.file}.bak`, 'utf8')).toBe(first)
    expect(find(await load(dataDir), 'rewrite.mine', 'en')?.title).toBe('Second')
  })

  it('duplicates a bundled prompt in both languages as <id>-copy, titled as a copy, without the shortcut', async () => {
    const dataDir = await tempDataDir()
    const copy = await duplicatePrompt(await load(dataDir), { id: 'rewrite.lyrical' })
    expect(copy.id).toBe('rewrite.lyrical-copy')
    const library = await load(dataDir)
    const copyEn = find(library, 'rewrite.lyrical-copy', 'en')
    expect(copyEn).toMatchObject({ title: 'Lyrical prose (copy)', origin: 'user' })
    expect(copyEn?.shortcut).toBeUndefined()
    expect(find(library, 'rewrite.lyrical-copy', 'zh')?.title).toBe('抒情散文（副本）')
    expect(find(library, 'rewrite.lyrical', 'zh')?.shortcut).toBe('Mod+Alt+L')
    expect(library.problems).toEqual([])
    // The copy is the original file with only the id, title and shortcut lines changed.
    const original = await readFile(
      join(RESOURCES_DIR, 'prompts', 'zh', 'rewrite.lyrical.md'),
      'utf8',
    )
    const copied = await readFile(join(dataDir, 'prompts', 'zh', 'rewrite.lyrical-copy.md'), 'utf8')
    const changed = (a: string, b: string) =>
      a.split('\n').filter((line) => !b.split('\n').includes(line))
    expect(changed(original, copied)).toEqual([
      'id: rewrite.lyrical',
      'title: 抒情散文',
      'shortcut: Mod+Alt+L',
    ])
    expect(changed(copied, original)).toEqual([
      'id: rewrite.lyrical-copy',
      'title: 抒情散文（副本）',
    ])

    const second = await duplicatePrompt(library, { id: 'rewrite.lyrical', language: 'en' })
    expect(second).toMatchObject({
      id: 'rewrite.lyrical-copy-2',
      files: [expect.stringContaining('en')],
    })
  })

  it('duplicates under a given id, and refuses one that is taken', async () => {
    const dataDir = await tempDataDir()
    const library = await load(dataDir)
    await expect(
      duplicatePrompt(library, { id: 'rewrite.lyrical', newId: 'rewrite.concise' }),
    ).rejects.toThrow('A prompt with the id "rewrite.concise" already exists.')
    await expect(duplicatePrompt(library, { id: 'rewrite.nope' })).rejects.toThrow(
      'no English prompt "rewrite.nope"',
    )
    const made = await duplicatePrompt(library, { id: 'rewrite.lyrical', newId: 'rewrite.rainy' })
    expect(made.files).toHaveLength(2)
    expect(find(await load(dataDir), 'rewrite.rainy', 'en')?.origin).toBe('user')
  })

  it('deletes a user prompt into a .bak, and refuses to delete a bundled one', async () => {
    const dataDir = await tempDataDir()
    await saveUserPrompt(await load(dataDir), 'en', promptText({ id: 'rewrite.mine' }))
    const library = await load(dataDir)
    await expect(deleteUserPrompt(library, 'rewrite.lyrical', 'en')).rejects.toThrow(
      'comes with Quire',
    )
    await expect(restorePrompt(library, 'rewrite.mine', 'en')).rejects.toThrow('no bundled version')
    const removed = await deleteUserPrompt(library, 'rewrite.mine', 'en')
    expect(find(await load(dataDir), 'rewrite.mine', 'en')).toBeUndefined()
    expect(await readFile(removed.backup, 'utf8')).toContain('id: rewrite.mine')
  })

  it('loads an extra folder over the bundled one, with the user folder winning over both', async () => {
    const dataDir = await tempDataDir()
    const extraDir = await tempDataDir()
    await put(
      join(extraDir, 'prompts', 'en', 'rewrite.lyrical.md'),
      promptText({ id: 'rewrite.lyrical', title: 'Shared lyrical' }),
    )
    await put(
      join(extraDir, 'prompts', 'en', 'rewrite.shared.md'),
      promptText({ id: 'rewrite.shared', title: 'Shared' }),
    )
    let library = await load(dataDir, extraDir)
    expect(find(library, 'rewrite.lyrical', 'en')).toMatchObject({
      title: 'Shared lyrical',
      origin: 'extra',
      overrides: true,
    })
    expect(find(library, 'rewrite.shared', 'en')?.origin).toBe('extra')
    await expect(deleteUserPrompt(library, 'rewrite.shared', 'en')).rejects.toThrow(
      'extra prompt folder',
    )

    await saveUserPrompt(library, 'en', promptText({ id: 'rewrite.lyrical', title: 'Mine' }))
    library = await load(dataDir, extraDir)
    expect(find(library, 'rewrite.lyrical', 'en')).toMatchObject({ title: 'Mine', origin: 'user' })
  })

  it('warns, and still loads the rest, when the extra folder is missing', async () => {
    const library = await load(await tempDataDir(), '/nonexistent/quire-extra')
    expect(library.problems).toEqual([
      expect.objectContaining({ source: '/nonexistent/quire-extra', severity: 'warning' }),
    ])
    expect(find(library, 'rewrite.lyrical', 'en')?.origin).toBe('bundled')
  })

  it('keeps the bundled prompt when the user override is broken', async () => {
    const dataDir = await tempDataDir()
    const file = await put(
      join(dataDir, 'prompts', 'en', 'rewrite.lyrical.md'),
      promptText({ id: 'rewrite.lyrical', persona: 'nobody' }),
    )
    const library = await load(dataDir)
    expect(find(library, 'rewrite.lyrical', 'en')?.origin).toBe('bundled')
    expect(library.problems).toEqual([
      expect.objectContaining({ source: file, line: 6, field: 'persona' }),
    ])
  })

  it('never lets a writer’s file take a bundled prompt’s shortcut; the clash is reported on the writer’s file', async () => {
    const dataDir = await tempDataDir()
    // zh continue.sentence comes before zh rewrite.lyrical in the library.
    const file = await put(
      join(dataDir, 'prompts', 'zh', 'continue.sentence.md'),
      promptText({ id: 'continue.sentence', kind: 'continue', shortcut: 'Mod+Alt+L' }),
    )
    const library = await load(dataDir)
    expect(find(library, 'rewrite.lyrical', 'zh')?.shortcut).toBe('Mod+Alt+L')
    expect(find(library, 'continue.sentence', 'zh')).toMatchObject({ origin: 'user' })
    expect(find(library, 'continue.sentence', 'zh')?.shortcut).toBeUndefined()
    expect(library.problems).toEqual([
      expect.objectContaining({ source: file, field: 'shortcut', line: 6 }),
    ])
  })
})
