import { readFile, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadLibrary } from '@core/library/loadLibrary'
import { applyPackImport, exportStylePack, planPackImport } from '@core/library/stylePacks'
import { saveUserPrompt } from '@core/library/userPrompts'
import {
  serializeStylePack,
  stylePackPlanSchema,
  stylePackSchema,
  type StylePack,
} from '@shared/stylepack'
import { RESOURCES_DIR, promptText, put, tempDataDir } from '../library/tempLibrary'

const load = (dataDir: string) => loadLibrary({ resourcesDir: RESOURCES_DIR, dataDir })

const mistyPreset = {
  id: 'misty',
  title: 'Misty',
  temperature: 0.8,
  topP: 0.9,
  topK: 40,
  repeatPenalty: 1.12,
  maxTokens: 300,
  lora: [{ file: 'autumn.gguf', scale: 0.6 }],
}
const persona = (language: 'zh' | 'en') =>
  `---\nid: autumn\ntitle: ${language === 'zh' ? '秋日' : 'Autumn'}\n---\n${language === 'zh' ? '你写秋天。' : 'You write autumn.'}\n`

/** A writer's data folder with a style of their own: two prompt files, a persona, a preset, rules, an adapter. */
async function writerWithStyle(): Promise<string> {
  const dataDir = await tempDataDir()
  for (const language of ['en', 'zh'] as const) {
    await put(
      join(dataDir, 'prompts', language, 'rewrite.autumn.md'),
      promptText({
        id: 'rewrite.autumn',
        title: `Autumn ${language}`,
        preset: 'misty',
        persona: 'autumn',
        shortcut: 'Mod+Alt+A',
      }),
    )
    await put(join(dataDir, 'personas', language, 'autumn.md'), persona(language))
  }
  await put(join(dataDir, 'presets.json'), JSON.stringify({ presets: [mistyPreset] }))
  await put(
    join(dataDir, 'replacements.json'),
    JSON.stringify({ zh: [['总而言之', '总之']], en: [['delve', 'dig']] }),
  )
  await put(join(dataDir, 'lora', 'autumn.gguf'), 'adapter weights')
  return dataDir
}

async function exported(dataDir: string, request = {}) {
  return exportStylePack(await load(dataDir), dataDir, request)
}

describe('style packs', () => {
  it('round-trips a style into an empty data folder: same prompts, persona, preset and rules', async () => {
    const source = await writerWithStyle()
    const { pack, text, fileName } = await exported(source, { name: 'Autumn' })
    expect(fileName).toBe('Autumn.quirepack')
    expect(pack.prompts.map((p) => `${p.language}:${p.id}`).sort()).toEqual([
      'en:rewrite.autumn',
      'zh:rewrite.autumn',
    ])
    expect(pack.personas.map((p) => p.language).sort()).toEqual(['en', 'zh'])
    expect(pack.presets.map((p) => p.id)).toEqual(['misty'])
    // The adapter travels as a name and a checksum, never as its bytes.
    expect(pack.lora).toEqual([
      { file: 'autumn.gguf', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), sizeBytes: 15 },
    ])
    expect(text).not.toContain('adapter weights')

    const target = await tempDataDir()
    const plan = await planPackImport(await load(target), target, text, fileName)
    expect(plan.canApply).toBe(true)
    expect(stylePackPlanSchema.parse(plan)).toEqual(plan)
    expect(plan.prompts.map((p) => [p.id, p.language, p.action, p.replaces])).toEqual([
      ['rewrite.autumn', 'zh', 'add', null],
      ['rewrite.autumn', 'en', 'add', null],
    ])
    expect(plan.presets).toEqual([{ id: 'misty', title: 'Misty', action: 'add', replaces: null }])
    expect(plan.lora[0]?.status).toBe('missing')
    expect(plan.problems).toEqual([expect.objectContaining({ field: 'lora', severity: 'warning' })])
    // A plan writes nothing.
    await expect(readdir(join(target, 'prompts'))).rejects.toThrow()

    await applyPackImport(await load(target), target, text, fileName, plan.fingerprint)
    const before = await load(source)
    const after = await load(target)
    for (const language of ['en', 'zh'] as const) {
      const file = join('prompts', language, 'rewrite.autumn.md')
      expect(await readFile(join(target, file), 'utf8')).toBe(
        await readFile(join(source, file), 'utf8'),
      )
    }
    const strip = (library: typeof after) =>
      library.prompts.filter((p) => p.origin === 'user').map(({ source: _s, ...p }) => p)
    expect(strip(after)).toEqual(strip(before))
    expect(after.presets.find((p) => p.id === 'misty')).toEqual(
      before.presets.find((p) => p.id === 'misty'),
    )
    expect(after.personas.filter((p) => p.id === 'autumn').map((p) => p.text)).toEqual(
      before.personas.filter((p) => p.id === 'autumn').map((p) => p.text),
    )
    expect(after.replacements).toEqual({ zh: [['总而言之', '总之']], en: [['delve', 'dig']] })
    expect(after.problems).toEqual([])
  })

  it('reports an adapter that is already in the lora folder, or a different file by that name', async () => {
    const source = await writerWithStyle()
    const { text } = await exported(source)
    const same = await tempDataDir()
    await put(join(same, 'lora', 'autumn.gguf'), 'adapter weights')
    expect(
      (await planPackImport(await load(same), same, text, 'a.quirepack')).lora[0]?.status,
    ).toBe('present')
    const other = await tempDataDir()
    await put(join(other, 'lora', 'autumn.gguf'), 'other weights')
    const plan = await planPackImport(await load(other), other, text, 'a.quirepack')
    expect(plan.lora[0]?.status).toBe('different')
    expect(plan.problems[0]?.message).toContain('SHA-256 does not match')
  })

  it('shows what it would replace — the writer’s own prompt and a bundled one — and keeps backups', async () => {
    const source = await tempDataDir()
    await saveUserPrompt(
      await load(source),
      'en',
      promptText({ id: 'rewrite.lyrical', title: 'Pack lyrical' }),
    )
    await saveUserPrompt(
      await load(source),
      'en',
      promptText({ id: 'rewrite.mine', title: 'Pack mine' }),
    )
    const { text } = await exported(source)

    const target = await tempDataDir()
    const old = promptText({ id: 'rewrite.mine', title: 'My own' })
    await saveUserPrompt(await load(target), 'en', old)
    const plan = await planPackImport(await load(target), target, text, 'p.quirepack')
    expect(plan.prompts.map((p) => [p.id, p.language, p.action, p.replaces])).toEqual([
      // The Chinese file travels with the English one; it is the bundled file as it is.
      ['rewrite.lyrical', 'zh', 'unchanged', 'bundled'],
      ['rewrite.lyrical', 'en', 'replace', 'bundled'],
      ['rewrite.mine', 'en', 'replace', 'user'],
    ])
    const result = await applyPackImport(
      await load(target),
      target,
      text,
      'p.quirepack',
      plan.fingerprint,
    )
    expect(result.backups).toEqual([join(target, 'prompts', 'en', 'rewrite.mine.md.bak')])
    expect(await readFile(result.backups[0] ?? '', 'utf8')).toBe(old)
    const library = await load(target)
    expect(
      library.prompts.find((p) => p.id === 'rewrite.lyrical' && p.language === 'en'),
    ).toMatchObject({
      title: 'Pack lyrical',
      origin: 'user',
      overrides: true,
    })
  })

  it('refuses to apply a plan the library has moved on from', async () => {
    const source = await writerWithStyle()
    const { text } = await exported(source)
    const target = await tempDataDir()
    const plan = await planPackImport(await load(target), target, text, 'a.quirepack')
    await saveUserPrompt(
      await load(target),
      'en',
      promptText({ id: 'rewrite.autumn', title: 'Meanwhile' }),
    )
    await expect(
      applyPackImport(await load(target), target, text, 'a.quirepack', plan.fingerprint),
    ).rejects.toThrow('changed since the import was previewed')
    expect((await load(target)).prompts.find((p) => p.id === 'rewrite.autumn')?.title).toBe(
      'Meanwhile',
    )
  })

  it('imports a prompt whose shortcut is taken without that shortcut, and says so first', async () => {
    const pack: StylePack = stylePackSchema.parse({
      format: 'quirepack',
      version: 1,
      name: 'Clash',
      prompts: ['en', 'zh'].map((language) => ({
        id: 'rewrite.clash',
        language,
        text: promptText({ id: 'rewrite.clash', shortcut: 'Mod+Alt+L' }),
      })),
    })
    const target = await tempDataDir()
    const text = serializeStylePack(pack)
    const plan = await planPackImport(await load(target), target, text, 'c.quirepack')
    expect(plan.canApply).toBe(true)
    expect(plan.prompts.every((p) => p.dropsShortcut)).toBe(true)
    expect(plan.problems[0]).toMatchObject({
      source: 'c.quirepack#prompts/en/rewrite.clash.md',
      line: 6,
      field: 'shortcut',
      severity: 'warning',
      message: expect.stringContaining('It is imported without a shortcut.'),
    })
    await applyPackImport(await load(target), target, text, 'c.quirepack', plan.fingerprint)
    const library = await load(target)
    expect(library.problems).toEqual([])
    expect(
      library.prompts.find((p) => p.id === 'rewrite.lyrical' && p.language === 'en')?.shortcut,
    ).toBe('Mod+Alt+L')
  })

  it('will not import a pack whose prompt is broken, naming the entry, line and field', async () => {
    const pack = stylePackSchema.parse({
      format: 'quirepack',
      version: 1,
      name: 'Broken',
      prompts: [
        {
          id: 'rewrite.broken',
          language: 'en',
          text: promptText({ id: 'rewrite.broken', preset: 'glacial' }),
        },
      ],
    })
    const target = await tempDataDir()
    const text = serializeStylePack(pack)
    const plan = await planPackImport(await load(target), target, text, 'b.quirepack')
    expect(plan.canApply).toBe(false)
    expect(plan.problems).toContainEqual(
      expect.objectContaining({
        source: 'b.quirepack#prompts/en/rewrite.broken.md',
        line: 5,
        field: 'preset',
      }),
    )
    await expect(
      applyPackImport(await load(target), target, text, 'b.quirepack', plan.fingerprint),
    ).rejects.toThrow('Nothing was imported')
    await expect(readdir(join(target, 'prompts'))).rejects.toThrow()
  })

  it.each([
    ['not JSON', 'Dear diary,', 'not a Quire style pack'],
    ['cut short', '{"format": "quirepack", "version": 1, "name": "Au', 'not a Quire style pack'],
    ['another JSON file', '{"presets": []}', 'not a Quire style pack'],
    [
      'from a newer Quire',
      '{"format": "quirepack", "version": 2, "name": "Future"}',
      'made by a newer Quire',
    ],
    [
      'damaged inside',
      '{"format": "quirepack", "version": 1, "name": "X",\n "prompts": [{"id": "a", "language": "fr", "text": ""}]}',
      'x.quirepack:2 (prompts.0.language): The pack is damaged',
    ],
  ])('rejects a file that is %s, clearly', async (_what, text, message) => {
    const target = await tempDataDir()
    await expect(planPackImport(await load(target), target, text, 'x.quirepack')).rejects.toThrow(
      message,
    )
  })

  it('exports named bundled prompts, and explains what cannot be exported', async () => {
    const dataDir = await tempDataDir()
    const { pack } = await exported(dataDir, { prompts: ['rewrite.lyrical'] })
    expect(pack.prompts).toHaveLength(2)
    // Bundled presets and personas are on every machine already.
    expect(pack.presets).toEqual([])
    expect(pack.personas).toEqual([])
    await expect(exported(dataDir)).rejects.toThrow('no prompts of your own yet')
    await expect(exported(dataDir, { prompts: ['rewrite.nope'] })).rejects.toThrow(
      'no prompt "rewrite.nope"',
    )

    const style = await writerWithStyle()
    await rm(join(style, 'lora', 'autumn.gguf'))
    await expect(exported(style)).rejects.toThrow('The LoRA adapter autumn.gguf, used by "misty"')
  })
})
