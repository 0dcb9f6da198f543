import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadLibrary } from '@core/library/loadLibrary'
import { readFrontMatter } from '@shared/prompts/frontMatter'
import { runPrompts, type CommandIo } from '../../../src/cli/commands/prompts'
import { RESOURCES_DIR, promptText, put, tempDataDir } from './tempLibrary'

const load = (dataDir: string) => loadLibrary({ resourcesDir: RESOURCES_DIR, dataDir })

/** Front matter whose nine nested aliases expand to 9⁹ items ("billion laughs"). */
function billionLaughs(): string {
  const lines = ['---', 'id: rewrite.laughs', 'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]']
  for (let level = 1; level < 9; level++) {
    const name = String.fromCharCode(97 + level)
    const previous = String.fromCharCode(96 + level)
    lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`)
  }
  return [
    ...lines,
    '---',
    '## Role',
    'x',
    '## Style',
    'x',
    '## Constraint',
    'x',
    '## Input',
    '{{selection}}',
    '',
  ].join('\n')
}

/** A writer's folder with one good prompt and, beside it, the file under test. */
async function folderWith(name: string, text: string) {
  const dataDir = await tempDataDir()
  await put(join(dataDir, 'prompts', 'en', 'rewrite.good.md'), promptText({ id: 'rewrite.good' }))
  const file = await put(join(dataDir, 'prompts', 'en', name), text)
  return { dataDir, file }
}

describe('hostile prompt files', () => {
  it('reports a front matter with a billion laughs instead of expanding it', () => {
    const front = readFrontMatter(billionLaughs(), 'laughs.md')
    expect(front).toEqual({
      ok: false,
      problem: expect.objectContaining({
        source: 'laughs.md',
        message: expect.stringContaining(
          'uses aliases (*name) too often; Quire expands at most 100',
        ),
      }),
    })
  })

  it('still reads a front matter that uses an alias or two', () => {
    const front = readFrontMatter('---\nid: &x rewrite.a\ntitle: *x\n---\nbody\n', 'a.md')
    expect(front.ok && front.data).toEqual({ id: 'rewrite.a', title: 'rewrite.a' })
  })

  it('loads the rest of the library past a billion-laughs file, naming it', async () => {
    const { dataDir, file } = await folderWith('rewrite.laughs.md', billionLaughs())
    const library = await load(dataDir)
    expect(library.problems).toContainEqual(
      expect.objectContaining({ source: file, message: expect.stringContaining('aliases') }),
    )
    expect(library.prompts.some((p) => p.id === 'rewrite.good')).toBe(true)
    expect(library.prompts.some((p) => p.id === 'rewrite.laughs')).toBe(false)
  })

  it('refuses a 10 MB prompt body without reading it, naming the file and the limit', async () => {
    const huge = promptText({ id: 'rewrite.huge', style: 'x'.repeat(10_000_000) })
    const { dataDir, file } = await folderWith('rewrite.huge.md', huge)
    const library = await load(dataDir)
    expect(library.problems).toContainEqual({
      source: file,
      line: null,
      field: null,
      message:
        'The file is longer than 200,000 characters, the most Quire reads for a prompt or persona; it is ignored.',
    })
    expect(library.prompts.some((p) => p.id === 'rewrite.good')).toBe(true)
  })

  it('reads a long prompt just under the limit', async () => {
    const text = promptText({ id: 'rewrite.long', style: '秋'.repeat(150_000) })
    const { dataDir } = await folderWith('rewrite.long.md', text)
    const library = await load(dataDir)
    expect(library.prompts.some((p) => p.id === 'rewrite.long')).toBe(true)
  })

  it('refuses an oversized replacements.json, naming the file and the limit', async () => {
    const dataDir = await tempDataDir()
    const file = await put(
      join(dataDir, 'replacements.json'),
      `{"zh": [], "en": []}${' '.repeat(8_000_001)}`,
    )
    const library = await load(dataDir)
    expect(library.problems).toContainEqual(
      expect.objectContaining({
        source: file,
        message: expect.stringContaining('larger than 8 MB'),
      }),
    )
  })

  it('lets `quire prompts list` run and list the good prompts past a billion-laughs file', async () => {
    const { dataDir, file } = await folderWith('rewrite.laughs.md', billionLaughs())
    const out: string[] = []
    const err: string[] = []
    const io: CommandIo = {
      stdout: (text) => void out.push(text),
      stderr: (text) => void err.push(text),
      dataDir,
      resourcesDir: RESOURCES_DIR,
      readStdin: () => Promise.resolve(''),
    }
    await runPrompts(['list', '--lang', 'en'], io)
    expect(out.join('')).toMatch(/rewrite\.good\s+en/)
    expect(err.join('')).toContain('the library has 1 error')
    out.length = 0
    await runPrompts(['validate'], io).catch(() => undefined)
    expect(out.join('') + err.join('')).toContain(`${file}: Invalid YAML`)
  })
})
