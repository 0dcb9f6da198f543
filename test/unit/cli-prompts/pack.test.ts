import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runPack, packUsage } from '../../../src/cli/commands/pack'
import type { CommandIo } from '../../../src/cli/commands/prompts'
import { UsageError } from '../../../src/cli/usageError'
import { RESOURCES_DIR, promptText, put, tempDataDir } from '../library/tempLibrary'

async function run(args: string[], dataDir: string) {
  const out: string[] = []
  const io: CommandIo = {
    stdout: (text) => void out.push(text),
    stderr: () => {},
    dataDir,
    resourcesDir: RESOURCES_DIR,
  }
  await runPack(args, io)
  return out.join('')
}

async function writerWithPrompt(): Promise<string> {
  const dataDir = await tempDataDir()
  for (const language of ['en', 'zh'] as const)
    await put(
      join(dataDir, 'prompts', language, 'rewrite.rain.md'),
      promptText({ id: 'rewrite.rain', title: `Rain ${language}` }),
    )
  return dataDir
}

describe('quire pack', () => {
  it('exports the writer’s prompts to a file and imports them elsewhere only with --yes', async () => {
    const source = await writerWithPrompt()
    const file = join(await tempDataDir(), 'rain.quirepack')
    const exported = await run(['export', '--out', file, '--name', 'Rain'], source)
    expect(exported).toBe(
      `Wrote ${file}: 1 prompt (2 files), 0 personas, 0 presets, 0 replacement rules, 0 LoRA references.\n`,
    )
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
      format: 'quirepack',
      version: 1,
      name: 'Rain',
    })

    const target = await tempDataDir()
    const preview = await run(['import', file], target)
    expect(preview).toContain('Style pack "Rain"')
    expect(preview).toContain('add     prompt rewrite.rain (en) "Rain en"')
    expect(preview).toContain('Nothing was imported yet. Run again with --yes to import.')
    await expect(readdir(join(target, 'prompts'))).rejects.toThrow()

    const applied = await run(['import', file, '--yes'], target)
    expect(applied).toContain('Imported: 2 files written.')
    expect(await readFile(join(target, 'prompts', 'en', 'rewrite.rain.md'), 'utf8')).toBe(
      await readFile(join(source, 'prompts', 'en', 'rewrite.rain.md'), 'utf8'),
    )
  })

  it('says in the plan when an import overrides a bundled prompt or replaces the writer’s own', async () => {
    const source = await tempDataDir()
    await put(
      join(source, 'prompts', 'en', 'rewrite.concise.md'),
      promptText({ id: 'rewrite.concise', title: 'Pack concise' }),
    )
    await put(
      join(source, 'prompts', 'en', 'rewrite.rain.md'),
      promptText({ id: 'rewrite.rain', title: 'Pack rain' }),
    )
    const file = join(await tempDataDir(), 'p.quirepack')
    await run(
      ['export', '--out', file, '--prompt', 'rewrite.concise', '--prompt', 'rewrite.rain'],
      source,
    )

    const target = await writerWithPrompt()
    const plan = await run(['import', file], target)
    expect(plan).toContain(
      'replace prompt rewrite.concise (en) "Pack concise" — overrides the bundled version (restore it any time)',
    )
    expect(plan).toContain(
      'replace prompt rewrite.rain (en) "Pack rain" — replaces your own version (kept as .bak)',
    )
    expect(plan).toContain('same    prompt rewrite.concise (zh)')
  })

  it('rejects a corrupt pack with one clear line and writes nothing', async () => {
    const target = await tempDataDir()
    const file = join(target, 'broken.quirepack')
    await writeFile(file, '{"format": "quirepack", "version": 1, "name": "Half')
    await expect(run(['import', file, '--yes'], target)).rejects.toThrow(
      'not a Quire style pack: the file is not JSON, or it is cut short',
    )
    await expect(run(['import', join(target, 'nope.quirepack')], target)).rejects.toThrow(
      'There is no file',
    )
    await expect(readdir(join(target, 'prompts'))).rejects.toThrow()
  })

  it('explains usage mistakes', async () => {
    const dataDir = await tempDataDir()
    await expect(run(['export'], dataDir)).rejects.toThrow(UsageError)
    await expect(run(['import'], dataDir)).rejects.toThrow(UsageError)
    await expect(run(['publish'], dataDir)).rejects.toThrow('Unknown pack command "publish"')
    expect(packUsage).toContain('quire pack import FILE [--yes]')
  })
})
