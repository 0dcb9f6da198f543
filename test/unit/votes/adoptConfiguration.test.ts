import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { generateCallSchema, type GenerateCall } from '@shared/contract'
import { fingerprint } from '@shared/compare/fingerprint'
import { prepareRequest } from '@core/generation/prepareRequest'
import { LibraryStore } from '@core/library/libraryStore'
import { adoptConfiguration } from '@core/votes/adoptConfiguration'
import { RESOURCES_DIR, tempDataDir } from '../library/tempLibrary'

let store: LibraryStore | null = null
afterEach(async () => {
  await store?.dispose()
  store = null
})

/** What `started` would report for the action run with these overrides (model and backend added). */
function ran(library: LibraryStore, overrides?: GenerateCall['overrides']) {
  const call = generateCallSchema.parse({
    requestId: crypto.randomUUID(),
    promptId: 'rewrite.lyrical',
    selection: '秋天的风吹过老街。',
    language: 'zh',
    overrides,
  })
  const prepared = prepareRequest(library.current, call, {
    languageSetting: 'auto',
    loraFile: (file) => file,
    replacements: () => [],
  })
  return { ...prepared.configuration!, model: 'tiny', backend: 'local' as const }
}

describe('making a configuration the action’s default', () => {
  it('writes it into the writer’s copy of the prompt, so the action then runs exactly as it did', async () => {
    const dataDir = await tempDataDir()
    store = await LibraryStore.open({ resourcesDir: RESOURCES_DIR, dataDir })
    const winner = ran(store, {
      preset: 'wild',
      sampling: { temperature: 1.1, maxTokens: 200 },
      lora: [{ file: 'autumn.gguf', scale: 0.5 }],
    })
    const result = await adoptConfiguration(store, winner)
    expect(result).toMatchObject({ promptId: 'rewrite.lyrical', language: 'zh' })
    const text = await readFile(join(dataDir, 'prompts', 'zh', 'rewrite.lyrical.md'), 'utf8')
    expect(text).toMatch(/^preset: wild$/m)
    expect(text).toMatch(/^maxTokens: 200$/m)
    expect(text).toMatch(/^sampling: \{ temperature: 1\.1 \}$/m)
    // The rest of the file, its body above all, is as it was.
    expect(text).toContain('## Role')
    expect(fingerprint(ran(store))).toBe(fingerprint(winner))
  })

  it('refuses a configuration whose prompt text has changed since it was compared', async () => {
    store = await LibraryStore.open({ resourcesDir: RESOURCES_DIR, dataDir: await tempDataDir() })
    const old = { ...ran(store), promptVersion: '000000000000' }
    await expect(adoptConfiguration(store, old)).rejects.toThrow(/has changed since/)
  })
})
