import { describe, expect, it } from 'vitest'
import { loadLibrary } from '@core/library/loadLibrary'
import { parsePromptFile } from '@shared/prompts/parsePrompt'
import { RESOURCES_DIR } from '../library/tempLibrary'

const prompt = (checks: string) => `---
id: rewrite.park
kind: rewrite
title: 公园
${checks}
---
## Role
作家。
## Style
抒情。
## Constraint
- 200字以内，不写“孤独”。
## Input
{{selection}}
`

describe('checks in a prompt’s front matter', () => {
  it('are read beside the other fields', () => {
    const parsed = parsePromptFile(
      prompt(
        'checks: {maxChars: 200, maxLines: 6, language: zh, avoid: [孤独, 思念], minSenses: 2}',
      ),
      'park.md',
      'zh',
    )
    expect(parsed.ok && parsed.value.checks).toEqual({
      maxChars: 200,
      maxLines: 6,
      language: 'zh',
      avoid: ['孤独', '思念'],
      minSenses: 2,
    })
  })

  it('are none when the prompt states none', () => {
    const parsed = parsePromptFile(prompt(''), 'park.md', 'zh')
    expect(parsed.ok && parsed.value.checks).toEqual({})
  })

  it('report an unknown or wrong check like any front-matter problem: file, line and field', () => {
    const unknown = parsePromptFile(
      prompt('checks:\n  maxChars: 200\n  maxChar: 100'),
      'park.md',
      'zh',
    )
    expect(unknown).toEqual({
      ok: false,
      problems: [
        {
          source: 'park.md',
          line: 7,
          field: 'checks.maxChar',
          message: 'Unknown field "maxChar".',
          key: 'unknown-field',
          params: { field: 'maxChar' },
        },
      ],
    })
    const wrong = parsePromptFile(prompt('checks:\n  minSenses: 9'), 'park.md', 'zh')
    expect(wrong.ok || wrong.problems[0]).toMatchObject({ line: 6, field: 'checks.minSenses' })
    const crossed = parsePromptFile(prompt('checks: {minLines: 8, maxLines: 6}'), 'park.md', 'zh')
    expect(crossed.ok || crossed.problems[0]).toMatchObject({
      field: 'checks.minLines',
      message: 'minLines is larger than maxLines.',
    })
  })
})

describe('the bundled prompts’ checks', () => {
  it('name the language of the answer, and each word or character limit is the one the Constraint prose states', async () => {
    const library = await loadLibrary({ resourcesDir: RESOURCES_DIR })
    expect(library.problems).toEqual([])
    for (const prompt of library.prompts) {
      const translates = prompt.id === 'transform.translate'
      const answerLanguage = translates ? (prompt.language === 'zh' ? 'en' : 'zh') : prompt.language
      expect(prompt.checks.language, prompt.source).toBe(answerLanguage)
      const constraint = prompt.body.split('## Constraint')[1]?.split('## Input')[0] ?? ''
      for (const limit of [
        prompt.checks.maxChars,
        prompt.checks.maxWords,
        prompt.checks.minWords,
      ]) {
        // Fixed forms state lines × characters per line, not a total.
        if (limit === undefined || prompt.id.endsWith('-form')) continue
        expect(constraint, prompt.source).toContain(String(limit))
      }
    }
  })
})
