import { mkdtemp, mkdir, writeFile, cp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findPrompt, loadPromptLibrary, summarizePrompts } from '@core/library/promptLibrary'
import { prepareGeneration } from '@core/library/prepareGeneration'
import { generateRequestSchema } from '@shared/contract'
import { RESOURCES_DIR } from '../../support/engineLauncher'

describe('the bundled library', () => {
  it('loads without problems, with a rewrite prompt in each language', async () => {
    const library = await loadPromptLibrary(RESOURCES_DIR)
    expect(library.problems).toEqual([])
    for (const language of ['en', 'zh'] as const) {
      expect(library.prompts.some((p) => p.kind === 'rewrite' && p.language === language)).toBe(
        true,
      )
    }
    expect(library.presets.find((p) => p.id === 'creative')).toMatchObject({
      temperature: 0.85,
      topP: 0.92,
      topK: 50,
      repeatPenalty: 1.15,
      maxTokens: 384,
    })
    expect(summarizePrompts(library).length).toBe(library.prompts.length)
  })

  it('picks the Chinese file and persona for a Chinese selection, the English ones for English', async () => {
    const library = await loadPromptLibrary(RESOURCES_DIR)
    const zh = prepareGeneration(
      library,
      generateRequestSchema.parse({
        promptId: 'rewrite.lyrical',
        selection: '秋天的风吹过老街，我想起了外婆。',
      }),
    )
    expect(zh.language).toBe('zh')
    expect(zh.user).toContain('秋天的风吹过老街，我想起了外婆。')
    expect(zh.user).toContain('## Constraint')
    expect(zh.system).toMatch(/写作伙伴/)
    const en = prepareGeneration(
      library,
      generateRequestSchema.parse({
        promptId: 'rewrite.lyrical',
        selection: 'The wind moved along the old street.',
      }),
    )
    expect(en.language).toBe('en')
    expect(en.system).toMatch(/writing companion/)
    const forced = prepareGeneration(
      library,
      generateRequestSchema.parse({
        promptId: 'rewrite.lyrical',
        selection: 'The wind.',
        language: 'zh',
      }),
    )
    expect(forced.language).toBe('zh')
  })

  it('lets a request lower the token budget', async () => {
    const library = await loadPromptLibrary(RESOURCES_DIR)
    const rendered = prepareGeneration(
      library,
      generateRequestSchema.parse({ promptId: 'rewrite.lyrical', selection: 'x', maxTokens: 12 }),
    )
    expect(rendered.sampling.maxTokens).toBe(12)
  })

  it('names an unknown prompt', async () => {
    const library = await loadPromptLibrary(RESOURCES_DIR)
    expect(() => findPrompt(library, 'rewrite.nope', 'en')).toThrow(
      'There is no prompt "rewrite.nope"',
    )
  })
})

describe('a library with a broken file', () => {
  it('reports the file and still loads the rest', async () => {
    const root = await mkdtemp(join(tmpdir(), 'quire-lib-'))
    await cp(RESOURCES_DIR, root, { recursive: true })
    await mkdir(join(root, 'prompts', 'en'), { recursive: true })
    const broken = join(root, 'prompts', 'en', 'broken.md')
    await writeFile(
      broken,
      '---\nid: rewrite.broken\nkind: rewrite\ntitle: Broken\npreset: nonexistent\n---\n## Role\nx\n## Style\ny\n## Constraint\nz\n',
    )
    const library = await loadPromptLibrary(root)
    expect(library.problems).toEqual([
      expect.objectContaining({
        source: broken,
        field: 'preset',
        message: 'Unknown preset "nonexistent".',
      }),
    ])
    expect(library.prompts.some((p) => p.id === 'rewrite.lyrical')).toBe(true)
    expect(library.prompts.some((p) => p.id === 'rewrite.broken')).toBe(false)
  })
})
