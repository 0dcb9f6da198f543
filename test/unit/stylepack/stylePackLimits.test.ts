import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadLibrary } from '@core/library/loadLibrary'
import { applyPackImport, planPackImport } from '@core/library/stylePacks'
import type { PhrasePair } from '@shared/postprocess'
import { planStylePackImport, serializeStylePack, stylePackSchema } from '@shared/stylepack'
import { RESOURCES_DIR, put, tempDataDir } from '../library/tempLibrary'

const load = (dataDir: string) => loadLibrary({ resourcesDir: RESOURCES_DIR, dataDir })

const rules = (count: number, prefix = 'stock phrase'): PhrasePair[] =>
  Array.from({ length: count }, (_, i) => [`${prefix} ${i}`, `plain ${i}`])

/** A pack's text holding only replacement rules. */
const rulesPack = (zh: PhrasePair[], en: PhrasePair[] = []) =>
  JSON.stringify({ format: 'quirepack', version: 1, name: 'Rules', replacements: { zh, en } })

describe('style pack limits', () => {
  it('refuses a pack with more replacement rules than Quire reads, naming the limit', async () => {
    const target = await tempDataDir()
    await expect(
      planPackImport(await load(target), target, rulesPack(rules(20_000)), 'huge.quirepack'),
    ).rejects.toThrow(
      'huge.quirepack (replacements.zh): The pack is too large: Too many replacement rules: Quire reads at most 2,000 per language.',
    )
  })

  it('refuses a pack whose replacement phrase is longer than the limit', async () => {
    const target = await tempDataDir()
    const long: PhrasePair = ['风'.repeat(201), '雨']
    await expect(
      planPackImport(await load(target), target, rulesPack([long]), 'long.quirepack'),
    ).rejects.toThrow('longer than 200 characters, the most Quire reads')
  })

  it('will not import rules that would take the writer’s list past the limit', async () => {
    const target = await tempDataDir()
    await put(join(target, 'replacements.json'), JSON.stringify({ zh: rules(1_500, '旧'), en: [] }))
    const text = rulesPack(rules(600, '新'))
    const plan = await planPackImport(await load(target), target, text, 'more.quirepack')
    expect(plan.canApply).toBe(false)
    expect(plan.problems).toContainEqual(
      expect.objectContaining({
        field: 'replacements.zh',
        severity: 'error',
        message: expect.stringContaining(
          'Importing would give you 2,100 Chinese replacement rules; Quire reads at most 2,000',
        ),
      }),
    )
  })

  it('reports a replacements.json over the limit at load, naming the file, and loads the rest', async () => {
    const dataDir = await tempDataDir()
    const file = await put(join(dataDir, 'replacements.json'), JSON.stringify({ en: rules(2_001) }))
    const library = await load(dataDir)
    expect(library.problems).toContainEqual(
      expect.objectContaining({
        source: file,
        field: 'en',
        message: 'Too many replacement rules: Quire reads at most 2,000 per language',
      }),
    )
    expect(library.replacements.en).toEqual([])
    expect(library.prompts.length).toBeGreaterThan(0)
  })

  it('stops an import that would overwrite an unreadable replacements.json, and writes nothing', async () => {
    const target = await tempDataDir()
    const mine = '{"zh": [["总而言之", "总之"]], "en": [["delve", 42]]}'
    const file = await put(join(target, 'replacements.json'), mine)
    const text = rulesPack([['毋庸置疑', '']])
    const plan = await planPackImport(await load(target), target, text, 'r.quirepack')
    await expect(
      applyPackImport(await load(target), target, text, 'r.quirepack', plan.fingerprint),
    ).rejects.toThrow(`Nothing was imported: fix ${file}:1 (en.0.1)`)
    expect(await readFile(file, 'utf8')).toBe(mine)
  })

  it('plans 60,000 rules against 60,000 without comparing every pair', () => {
    // Comparing each pack rule with each library rule took 11.6 s here; a set takes milliseconds.
    const pack = stylePackSchema.parse({ format: 'quirepack', version: 1, name: 'Big' })
    pack.replacements.zh = rules(60_000, '新')
    const mine = rules(60_000, '旧')
    const plan = planStylePackImport(
      pack,
      'big.quirepack',
      {
        prompts: [],
        personas: [],
        presets: [],
        presetOrigins: {},
        replacements: { zh: mine, en: [] },
        lineOf: () => null,
        textOf: () => undefined,
      },
      () => 'present',
    )
    expect(plan.replacements.zh).toHaveLength(60_000)
    expect(plan.canApply).toBe(false)
  }, 3_000)
})

describe('style pack rules that fit', () => {
  it('imports exactly the limit', async () => {
    const target = await tempDataDir()
    const text = serializeStylePack(
      stylePackSchema.parse({
        format: 'quirepack',
        version: 1,
        name: 'Fits',
        replacements: { zh: rules(2_000), en: [] },
      }),
    )
    const plan = await planPackImport(await load(target), target, text, 'fits.quirepack')
    expect(plan.canApply).toBe(true)
    await applyPackImport(await load(target), target, text, 'fits.quirepack', plan.fingerprint)
    expect((await load(target)).replacements.zh).toHaveLength(2_000)
  })
})
