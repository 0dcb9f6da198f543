import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadLibrary, type LayeredLibrary } from '@core/library/loadLibrary'
import { BROKEN_LIBRARY_DIR, RESOURCES_DIR } from './tempLibrary'

let library: LayeredLibrary
const file = (path: string) => join(BROKEN_LIBRARY_DIR, path)
const problemsOf = (path: string) => library.problems.filter((p) => p.source === file(path))

beforeAll(async () => {
  library = await loadLibrary({ resourcesDir: RESOURCES_DIR, dataDir: BROKEN_LIBRARY_DIR })
})

describe('a user library of malformed files', () => {
  it.each([
    ['prompts/en/unknown-preset.md', 5, 'preset', 'Unknown preset "glacial".'],
    ['prompts/en/unknown-persona.md', 6, 'persona', 'Unknown persona "ghostwriter".'],
    ['prompts/en/unknown-step.md', 5, 'postprocess.1', 'Unknown post-processing step "dedupe"'],
    ['prompts/en/bad-kind.md', 3, 'kind', 'expected one of'],
    ['prompts/zh/bad-field.md', 6, 'temprature', 'Unknown field "temprature".'],
    ['prompts/en/undeclared-variable.md', 7, 'variables', '{{mood}}'],
    ['prompts/en/missing-sections.md', 7, null, '## Style, ## Constraint'],
    ['prompts/en/no-front-matter.md', 1, null, 'must start with YAML front matter'],
    ['prompts/en/zz-duplicate.md', 3, 'id', 'already defines the prompt "rewrite.fixture-no-twin"'],
    ['prompts/en/shortcut-taken.md', 5, 'shortcut', 'already the shortcut of "rewrite.lyrical"'],
    ['prompts/en/shortcut-reserved.md', 5, 'shortcut', "the editor's key for Bold"],
    ['personas/en/empty.md', 5, null, 'The persona has no text.'],
    ['presets.json', 6, 'presets.0.temperature', 'expected number to be <=2'],
  ])('%s: line %i, field %s', (path, line, field, message) => {
    expect(problemsOf(path)).toEqual([
      expect.objectContaining({ line, field, message: expect.stringContaining(message) }),
    ])
    expect(problemsOf(path)[0]?.severity ?? 'error').toBe('error')
  })

  it('reports broken YAML near its line instead of throwing', () => {
    const [problem] = problemsOf('prompts/en/bad-yaml.md')
    expect(problem?.message).toMatch(/^Invalid YAML/)
    expect(problem?.line).toBeGreaterThanOrEqual(5)
    expect(problem?.line).toBeLessThanOrEqual(6)
  })

  it('warns, without an error, about a prompt with no version in the other language', () => {
    expect(problemsOf('prompts/en/no-twin.md')).toEqual([
      expect.objectContaining({
        line: 2,
        field: 'id',
        severity: 'warning',
        message: expect.stringContaining('has no Chinese version'),
      }),
    ])
  })

  it('keeps loading everything else: all bundled prompts and the sound fixtures', async () => {
    const alone = await loadLibrary({ resourcesDir: RESOURCES_DIR })
    const bundled = library.prompts.filter((p) => p.origin === 'bundled')
    expect(bundled.map((p) => p.source)).toEqual(alone.prompts.map((p) => p.source))
    expect(
      library.prompts.find((p) => p.id === 'rewrite.lyrical' && p.language === 'zh'),
    ).toMatchObject({
      shortcut: 'Mod+Alt+L',
    })
    const own = library.prompts
      .filter((p) => p.origin === 'user')
      .map((p) => `${p.language}:${p.id}`)
    expect(own.sort()).toEqual([
      'en:rewrite.fixture-no-twin',
      'en:rewrite.fixture-reserved',
      'en:rewrite.fixture-taken',
      'zh:rewrite.fixture-reserved',
      'zh:rewrite.fixture-taken',
    ])
    expect(library.presets.map((p) => p.id)).not.toContain('scorching')
  })

  it('loads a prompt whose shortcut is refused, but without that shortcut', () => {
    const taken = library.prompts.find(
      (p) => p.id === 'rewrite.fixture-taken' && p.language === 'en',
    )
    expect(taken).toBeDefined()
    expect(taken?.shortcut).toBeUndefined()
  })

  it('reports nothing beyond the faults planted in the fixtures', () => {
    const planted = new Set(library.problems.map((p) => p.source))
    expect([...planted].every((source) => source.startsWith(BROKEN_LIBRARY_DIR))).toBe(true)
    expect(library.problems).toHaveLength(15)
  })
})

describe('the bundled library on its own', () => {
  it('has no problems: every preset, persona and step resolves, and every id has both languages', async () => {
    const bundled = await loadLibrary({ resourcesDir: RESOURCES_DIR })
    expect(bundled.problems).toEqual([])
  })
})
