import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  parseStepList,
  stepIds,
  stepSpecListSchema,
  stepSpecSchema,
  toStepCall,
} from '@shared/postprocess'

const messages = (value: unknown): string[] => {
  const parsed = z.object({ postprocess: stepSpecListSchema }).safeParse({ postprocess: value })
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
}

describe('stepSpecSchema', () => {
  it('accepts the front-matter forms of every step', () => {
    const list = [
      'strip-think',
      'strip-preamble',
      'dedupe-sentences',
      'collapse-repeats',
      'normalize-punctuation',
      'replace-phrases',
      { 'replace-phrases': [['你可以考虑', '不妨试试']] },
      { 'trim-length': 200 },
      { 'max-lines': 6 },
      'language-guard',
    ]
    expect(stepSpecListSchema.parse(list)).toEqual(list)
  })

  it('lists every known step id once', () => {
    expect(new Set(stepIds).size).toBe(stepIds.length)
    expect(stepIds).toContain('trim-length')
    expect(stepIds).toHaveLength(9)
  })

  it.each([
    ['dedupe', 'postprocess.0: Unknown post-processing step "dedupe". Known steps:'],
    [{ 'trim-lenght': 200 }, 'postprocess.0: Unknown post-processing step "trim-lenght"'],
    ['trim-length', 'postprocess.0: trim-length takes a whole number of at least 1'],
    [{ 'trim-length': 0 }, 'postprocess.0: trim-length takes a whole number of at least 1'],
    [{ 'max-lines': 2.5 }, 'postprocess.0: max-lines takes a whole number of at least 1'],
    [{ 'max-lines': '6' }, 'postprocess.0: max-lines takes a whole number'],
    [{ 'strip-think': true }, 'postprocess.0: strip-think takes no value; write it as a plain id'],
    [{ 'trim-length': 200, 'max-lines': 4 }, 'postprocess.0: A step object has exactly one key'],
    [42, 'postprocess.0: A step is an id such as strip-preamble'],
    [
      { 'replace-phrases': [['a']] },
      'postprocess.0: replace-phrases takes a list of [from, to] pairs',
    ],
    [{ 'replace-phrases': [['', 'x']] }, 'the phrase to replace cannot be empty'],
    [{ 'replace-phrases': [['好', '很好']] }, 'must not contain the phrase it replaces'],
  ])('rejects %j with a message naming the problem', (item, expected) => {
    const [message] = messages([item])
    expect(message).toContain(expected)
  })

  it('points at the faulty item of a longer list', () => {
    expect(messages(['strip-think', 'dedupe-sentences', 'normalise-punctuation'])).toEqual([
      expect.stringMatching(
        /^postprocess\.2: Unknown post-processing step "normalise-punctuation"/,
      ),
    ])
  })

  it('validates a single item on its own too', () => {
    expect(stepSpecSchema.safeParse('strip-think').success).toBe(true)
    expect(stepSpecSchema.safeParse('think').success).toBe(false)
  })

  it('reads specs into calls', () => {
    expect(toStepCall('strip-think')).toEqual({ id: 'strip-think' })
    expect(toStepCall({ 'trim-length': 200 })).toEqual({ id: 'trim-length', limit: 200 })
    expect(toStepCall({ 'max-lines': 6 })).toEqual({ id: 'max-lines', limit: 6 })
    expect(toStepCall('replace-phrases')).toEqual({ id: 'replace-phrases', pairs: [] })
  })
})

describe('parseStepList (the CLI --steps syntax)', () => {
  it.each([
    ['dedupe-sentences,trim-length:200', ['dedupe-sentences', { 'trim-length': 200 }]],
    ['strip-think', ['strip-think']],
    [' strip-think , max-lines:6 ', ['strip-think', { 'max-lines': 6 }]],
    ['replace-phrases,language-guard', ['replace-phrases', 'language-guard']],
  ])('reads %j', (list, steps) => {
    expect(parseStepList(list)).toEqual({ ok: true, steps })
  })

  it.each([
    ['dedupe', 'Unknown post-processing step "dedupe"'],
    ['strip-think,,dedupe-sentences', 'has an empty item'],
    ['', 'The step list is empty'],
    ['trim-length', 'trim-length needs a whole number after a colon, e.g. trim-length:200'],
    ['trim-length:abc', 'trim-length needs a whole number'],
    ['trim-length:0', 'trim-length takes a whole number of at least 1'],
    ['max-lines:-3', 'max-lines needs a whole number'],
    ['strip-think:1', 'strip-think takes no value on the command line'],
  ])('rejects %j', (list, expected) => {
    const result = parseStepList(list)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toContain(expected)
  })
})
