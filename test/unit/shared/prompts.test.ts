import { describe, expect, it } from 'vitest'
import { parsePersonaFile, parsePromptFile } from '@shared/prompts/parsePrompt'
import { renderPrompt } from '@shared/prompts/render'
import { samplingPresetSchema } from '@shared/presets/schema'

const prompt = (
  front: string,
  body = '## Role\nA poet.\n## Style\nWarm, in the {{person}}.\n## Constraint\nShort.\n## Input\n{{selection}}',
) => `---\n${front}\n---\n${body}\n`

const valid = prompt(
  [
    'id: rewrite.test',
    'kind: rewrite',
    'title: Test',
    'preset: creative',
    'maxTokens: 200',
    'variables:',
    '  - {name: person, label: Person, default: first person}',
  ].join('\n'),
)

const persona = parsePersonaFile(
  '---\nid: default\ntitle: Default\n---\nYou are kind.\n',
  'persona.md',
  'en',
)
const preset = samplingPresetSchema.parse({
  id: 'creative',
  title: 'Creative',
  temperature: 0.85,
  topP: 0.92,
  topK: 50,
  repeatPenalty: 1.15,
  maxTokens: 384,
})

describe('parsePromptFile', () => {
  it('reads front matter and body with defaults', () => {
    const result = parsePromptFile(valid, 'a.md', 'en')
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value).toMatchObject({
      id: 'rewrite.test',
      kind: 'rewrite',
      apply: 'replace',
      persona: 'default',
      language: 'en',
      maxTokens: 200,
    })
    expect(result.value.body.startsWith('## Role')).toBe(true)
  })

  it('names the file, the line and the field of a bad value', () => {
    const result = parsePromptFile(
      prompt('id: rewrite.test\nkind: sonnet\ntitle: Test'),
      'bad.md',
      'en',
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems).toEqual([
      expect.objectContaining({ source: 'bad.md', line: 3, field: 'kind' }),
    ])
  })

  it('reports an unknown field at its line', () => {
    const result = parsePromptFile(
      prompt('id: rewrite.test\nkind: rewrite\ntitle: Test\ntemprature: 0.9'),
      'typo.md',
      'en',
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems[0]).toMatchObject({
      line: 5,
      field: 'temprature',
      message: 'Unknown field "temprature".',
    })
  })

  it('reports broken YAML with its line instead of throwing', () => {
    const result = parsePromptFile(
      prompt('id: rewrite.test\nkind: [rewrite\ntitle: Test'),
      'yaml.md',
      'en',
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems[0]?.message).toMatch(/^Invalid YAML/)
    expect(result.problems[0]?.line).toBeGreaterThanOrEqual(3)
  })

  it('needs the Role, Style and Constraint sections', () => {
    const result = parsePromptFile(
      prompt(
        'id: rewrite.test\nkind: rewrite\ntitle: Test',
        '## Role\nA poet.\n## Input\n{{selection}}',
      ),
      'short.md',
      'en',
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems[0]?.message).toContain('## Style, ## Constraint')
  })

  it('rejects a body that uses a variable the front matter does not declare', () => {
    const result = parsePromptFile(
      prompt('id: rewrite.test\nkind: rewrite\ntitle: Test'),
      'vars.md',
      'en',
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems[0]).toMatchObject({
      field: 'variables',
      message: expect.stringContaining('{{person}}'),
    })
  })

  it('refuses a field named like a built-in variable, whose typed value the built-in would replace', () => {
    // A poem prompt asking for "Poem title" as {{title}} got the document's title instead.
    const result = parsePromptFile(
      prompt(
        [
          'id: poem.titled',
          'kind: poem',
          'title: Titled poem',
          'variables:',
          '  - {name: person, label: Person}',
          '  - {name: title, label: Poem title, default: Untitled poem}',
        ].join('\n'),
        '## Role\nA poet.\n## Style\nCall it "{{title}}", in the {{person}}.\n## Constraint\nShort.\n## Input\n{{selection}}',
      ),
      'titled.md',
      'en',
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems[0]).toMatchObject({
      line: 7,
      field: 'variables.1.name',
      key: 'variable-name-built-in',
      params: { name: 'title' },
    })
    expect(result.problems[0]?.message).toContain('"title"')
  })

  it('rejects a file without front matter', () => {
    const result = parsePromptFile('## Role\nx', 'none.md', 'en')
    expect(result.ok).toBe(false)
  })
})

describe('renderPrompt', () => {
  it('sends the persona as the system message and fills variables verbatim', () => {
    const parsed = parsePromptFile(valid, 'a.md', 'en')
    if (!parsed.ok || !persona.ok) throw new Error('fixtures must parse')
    const rendered = renderPrompt(parsed.value, persona.value, preset, {
      selection: 'Tom & Jerry <3 {{not a tag}}',
      before: '',
      after: '',
      title: '',
      language: 'en',
      variables: { person: 'second person' },
    })
    expect(rendered.system).toBe('You are kind.')
    expect(rendered.user).toContain('Warm, in the second person.')
    expect(rendered.user).toContain('Tom & Jerry <3 {{not a tag}}')
    expect(rendered.sampling).toMatchObject({
      temperature: 0.85,
      topP: 0.92,
      topK: 50,
      repeatPenalty: 1.15,
      maxTokens: 200,
    })
  })

  it('uses a variable’s default when the writer leaves it blank', () => {
    const parsed = parsePromptFile(valid, 'a.md', 'en')
    if (!parsed.ok || !persona.ok) throw new Error('fixtures must parse')
    const rendered = renderPrompt(parsed.value, persona.value, preset, {
      selection: 'x',
      before: '',
      after: '',
      title: '',
      language: 'en',
      variables: { person: '  ' },
    })
    expect(rendered.user).toContain('Warm, in the first person.')
  })
})
