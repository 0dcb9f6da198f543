import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { QuireError } from '@shared/contract'
import { runPrompts, promptsUsage, type CommandIo } from '../../../src/cli/commands/prompts'
import { UsageError } from '../../../src/cli/usageError'
import {
  BROKEN_LIBRARY_DIR,
  RESOURCES_DIR,
  promptText,
  put,
  tempDataDir,
} from '../library/tempLibrary'

async function run(args: string[], dataDir?: string) {
  const out: string[] = []
  const err: string[] = []
  const io: CommandIo = {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    dataDir: dataDir ?? (await tempDataDir()),
    resourcesDir: RESOURCES_DIR,
    readStdin: () => Promise.resolve('从标准输入读来的一句话。'),
  }
  const done = runPrompts(args, io)
  return { done, out: () => out.join(''), err: () => err.join('') }
}

describe('quire prompts list', () => {
  it('lists prompts with language, kind, origin and shortcut, filtered by kind and language', async () => {
    const { done, out } = await run(['list', '--kind', 'poem', '--lang', 'zh'])
    await done
    const lines = out().trim().split('\n')
    expect(lines[0]).toMatch(/^ID\s+LANG\s+KIND\s+ORIGIN\s+SHORTCUT\s+TITLE$/)
    expect(lines.slice(1).every((line) => /^poem\.\S+\s+zh\s+poem\s+bundled/.test(line))).toBe(true)
    expect(lines.find((line) => line.startsWith('poem.free-verse'))).toMatch(/Mod\+Alt\+P/)
  })

  it('marks a user prompt that overrides a bundled one, in JSON too', async () => {
    const dataDir = await tempDataDir()
    await put(
      join(dataDir, 'prompts', 'en', 'rewrite.lyrical.md'),
      promptText({ id: 'rewrite.lyrical', title: 'Mine' }),
    )
    const text = await run(['list', '--lang', 'en'], dataDir)
    await text.done
    expect(text.out()).toMatch(/rewrite\.lyrical\s+en\s+rewrite\s+user \(overrides\)\s+Mine/)
    const json = await run(['list', '--json', '--lang', 'en'], dataDir)
    await json.done
    const rows = JSON.parse(json.out()) as { id: string; origin: string; overrides: boolean }[]
    expect(rows.find((r) => r.id === 'rewrite.lyrical')).toMatchObject({
      origin: 'user',
      overrides: true,
    })
  })

  it('refuses an unknown kind or language as a usage error', async () => {
    await expect((await run(['list', '--kind', 'sonnet'])).done).rejects.toThrow(UsageError)
    await expect((await run(['list', '--lang', 'fr'])).done).rejects.toThrow(
      '--lang takes zh or en.',
    )
    await expect((await run(['frobnicate'])).done).rejects.toThrow(UsageError)
    expect(promptsUsage).toContain('quire prompts validate')
  })
})

describe('quire prompts show', () => {
  it('prints the file as written, in the language asked for', async () => {
    const { done, out } = await run(['show', 'rewrite.lyrical', '--lang', 'zh'])
    await done
    expect(out()).toMatch(/^---\nid: rewrite\.lyrical\n/)
    expect(out()).toContain('title: 抒情散文')
  })

  it('says which prompt is missing', async () => {
    const { done } = await run(['show', 'rewrite.nope'])
    await expect(done).rejects.toThrow('There is no prompt "rewrite.nope"')
    await expect((await run(['show'])).done).rejects.toThrow(UsageError)
  })
})

describe('quire prompts render', () => {
  it('prints the system and user messages, sampling values and steps, picking the language by script', async () => {
    const { done, out } = await run([
      'render',
      'rewrite.lyrical',
      '--selection',
      '秋天的风吹过老街。',
      '--var',
      'person=第二人称',
    ])
    await done
    const text = out()
    expect(text).toContain('Prompt:    rewrite.lyrical (zh, bundled)')
    expect(text).toContain('Sampling:  temperature 0.85, top-p 0.92, top-k 50')
    expect(text).toContain('max tokens 384')
    expect(text).toContain('trim-length: 200')
    expect(text).toMatch(/--- system ---\n你是 Quire/)
    expect(text).toMatch(/--- user ---\n## Role/)
    expect(text).toContain('以第二人称视角')
    expect(text).toContain('秋天的风吹过老街。')
  })

  it('prints JSON with --json, reads the selection from stdin with "-", and takes --before', async () => {
    const { done, out } = await run([
      'render',
      'rewrite.match-style',
      '--selection',
      '-',
      '--before',
      '范文在这里。',
      '--json',
    ])
    await done
    const preview = JSON.parse(out()) as {
      language: string
      user: string
      postprocess: unknown[]
      sampling: { temperature: number }
    }
    expect(preview.language).toBe('zh')
    expect(preview.user).toContain('从标准输入读来的一句话。')
    expect(preview.user).toContain('范文在这里。')
    expect(preview.sampling.temperature).toBe(0.7)
    expect(preview.postprocess).toContain('strip-preamble')
  })

  it('needs a selection', async () => {
    await expect((await run(['render', 'rewrite.lyrical'])).done).rejects.toThrow(
      '--selection TEXT is required',
    )
    await expect(
      (await run(['render', 'rewrite.lyrical', '--selection', '  '])).done,
    ).rejects.toThrow('Select some text first.')
  })
})

describe('quire prompts validate', () => {
  it('passes the bundled library with a summary line', async () => {
    const { done, out } = await run(['validate'])
    await done
    expect(out()).toMatch(
      /^Checked the library \(\d+ prompts, \d+ personas loaded\): 0 errors, 0 warnings\.\n$/,
    )
  })

  it('prints file:line (field): message for each problem and fails on errors', async () => {
    const { done, out } = await run(['validate'], BROKEN_LIBRARY_DIR)
    const failure = await done.then(
      () => null,
      (error: unknown) => error,
    )
    expect(failure).toBeInstanceOf(QuireError)
    expect((failure as Error).message).toMatch(
      /^Checked the library \(\d+ prompts, \d+ personas loaded\): 14 errors, 1 warning\.$/,
    )
    const lines = out().trim().split('\n')
    expect(lines).toContain(
      `${join(BROKEN_LIBRARY_DIR, 'prompts/en/unknown-preset.md')}:5 (preset): Unknown preset "glacial".`.replace(
        `${process.cwd()}/`,
        '',
      ),
    )
    expect(lines.some((line) => /no-twin\.md:2 \(id\): warning: /.test(line))).toBe(true)
  })

  it('checks single files against the library, in the language of their folder', async () => {
    const dataDir = await tempDataDir()
    const good = await put(
      join(dataDir, 'drafts', 'en', 'rewrite.draft.md'),
      promptText({ id: 'rewrite.draft' }),
    )
    const clash = await put(
      join(dataDir, 'drafts', 'zh', 'rewrite.clash.md'),
      promptText({ id: 'rewrite.clash', shortcut: 'Mod+Alt+C' }),
    )
    const ok = await run(['validate', good], dataDir)
    await ok.done
    expect(ok.out()).toMatch(
      /rewrite\.draft\.md:2 \(id\): warning: "rewrite\.draft" has no Chinese version/,
    )
    expect(ok.out()).toContain('Checked 1 file: 0 errors, 1 warning.')

    const bad = await run(['validate', clash, join(dataDir, 'missing.md')], dataDir)
    await expect(bad.done).rejects.toThrow('Checked 2 files: 2 errors, 1 warning.')
    expect(bad.out()).toMatch(
      /rewrite\.clash\.md:6 \(shortcut\): Mod\+Alt\+C is already the shortcut of "rewrite\.concise"/,
    )
    expect(bad.out()).toMatch(/missing\.md: The file does not exist\./)
  })
})
