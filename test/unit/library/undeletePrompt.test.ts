import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { loadLibrary } from '@core/library/loadLibrary'
import {
  deleteUserPrompt,
  restorePrompt,
  saveUserPrompt,
  undeleteUserPrompt,
} from '@core/library/userPrompts'
import { RESOURCES_DIR, promptText, tempDataDir } from './tempLibrary'

const load = (dataDir: string) => loadLibrary({ resourcesDir: RESOURCES_DIR, dataDir })

describe('undoing a delete in the Library', () => {
  it('puts the writer’s prompt back from its .bak, word for word', async () => {
    const dataDir = await tempDataDir()
    const text = promptText({ id: 'rewrite.rainy', title: 'Rainy', style: 'Make it rain.' })
    await saveUserPrompt(await load(dataDir), 'en', text)
    const { file } = await deleteUserPrompt(await load(dataDir), 'rewrite.rainy', 'en')
    expect((await load(dataDir)).prompts.some((p) => p.id === 'rewrite.rainy')).toBe(false)

    expect(await undeleteUserPrompt(await load(dataDir), 'rewrite.rainy', 'en')).toEqual({ file })
    expect(await readFile(file, 'utf8')).toBe(text)
    const back = (await load(dataDir)).prompts.find((p) => p.id === 'rewrite.rainy')
    expect(back).toMatchObject({ title: 'Rainy', origin: 'user' })
  })

  it('undoes "restore the built-in one" too', async () => {
    const dataDir = await tempDataDir()
    const mine = promptText({ id: 'rewrite.lyrical', title: 'My lyrical' })
    await saveUserPrompt(await load(dataDir), 'en', mine)
    await restorePrompt(await load(dataDir), 'rewrite.lyrical', 'en')
    await undeleteUserPrompt(await load(dataDir), 'rewrite.lyrical', 'en')
    const lyrical = (await load(dataDir)).prompts.find(
      (p) => p.id === 'rewrite.lyrical' && p.language === 'en',
    )
    expect(lyrical).toMatchObject({ title: 'My lyrical', origin: 'user', overrides: true })
  })

  it('refuses, changing nothing, when the writer made a new file for that id since', async () => {
    const dataDir = await tempDataDir()
    await saveUserPrompt(
      await load(dataDir),
      'en',
      promptText({ id: 'rewrite.rainy', title: 'Old' }),
    )
    await deleteUserPrompt(await load(dataDir), 'rewrite.rainy', 'en')
    const newer = promptText({ id: 'rewrite.rainy', title: 'New' })
    const saved = await saveUserPrompt(await load(dataDir), 'en', newer)
    await expect(undeleteUserPrompt(await load(dataDir), 'rewrite.rainy', 'en')).rejects.toThrow(
      'has a file of yours again',
    )
    expect(saved.ok && (await readFile(saved.file, 'utf8'))).toBe(newer)
  })

  it('says so when there is nothing to bring back', async () => {
    const dataDir = await tempDataDir()
    await expect(undeleteUserPrompt(await load(dataDir), 'rewrite.none', 'zh')).rejects.toThrow(
      'no deleted Chinese prompt "rewrite.none"',
    )
  })
})
