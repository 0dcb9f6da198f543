import { describe, expect, it } from 'vitest'
import { defaultReplacements, runPipeline, type PhrasePair } from '@shared/postprocess'

describe('replace-phrases', () => {
  it.each([
    ['这是一个很好的问题。', '这个问题很有意思。'],
    ['你可以考虑换个角度。', '不妨试试换个角度。'],
    ['你可以尝试早点出门。', '不妨试试早点出门。'],
  ])('Chinese defaults: %j → %j', (input, output) => {
    expect(runPipeline(input, ['replace-phrases'], { language: 'zh' }).text).toBe(output)
  })

  it.each([
    ["It's important to note that the sea is cold.", 'Note that the sea is cold.'],
    ['We delve into the past.', 'We look into the past.'],
    ['The garden is a testament to her care.', 'The garden is a sign of her care.'],
  ])('English defaults: %j → %j', (input, output) => {
    expect(runPipeline(input, ['replace-phrases'], { language: 'en' }).text).toBe(output)
  })

  it('matches English phrases as whole words only', () => {
    const text = 'They redelve into nothing.'
    expect(runPipeline(text, ['replace-phrases'], { language: 'en' }).text).toBe(text)
  })

  it('uses the writer’s list from Settings instead of the defaults', () => {
    const replacements: PhrasePair[] = [['秋风', '金风']]
    const result = runPipeline('秋风起。你可以考虑一下。', ['replace-phrases'], {
      language: 'zh',
      replacements,
    })
    expect(result.text).toBe('金风起。你可以考虑一下。')
  })

  it('applies a prompt’s own pairs before the Settings list', () => {
    const result = runPipeline(
      '你可以考虑一下。',
      [{ 'replace-phrases': [['你可以考虑', '或许可以想想']] }],
      { language: 'zh' },
    )
    expect(result.text).toBe('或许可以想想一下。')
  })

  it('prefers the longest phrase and replaces all at once', () => {
    const pairs: PhrasePair[] = [
      ['风', '雨'],
      ['秋风', '金秋'],
    ]
    expect(
      runPipeline('秋风和风', ['replace-phrases'], { language: 'zh', replacements: pairs }).text,
    ).toBe('金秋和雨')
  })

  it('skips a pair whose replacement would be replaced again', () => {
    const pairs: PhrasePair[] = [
      ['好', '很好'],
      ['坏', '差'],
    ]
    expect(
      runPipeline('好坏', ['replace-phrases'], { language: 'zh', replacements: pairs }).text,
    ).toBe('好差')
  })

  it('ships defaults for both languages', () => {
    expect(defaultReplacements.zh).toContainEqual(['这是一个很好的问题', '这个问题很有意思'])
    expect(defaultReplacements.en.length).toBeGreaterThan(0)
  })
})

describe('replace-phrases with a very large list', () => {
  // An audit's style pack: 20,000 rules made one regular expression too large for V8, and the
  // host crashed whenever a prompt used replace-phrases.
  const manyPairs: PhrasePair[] = Array.from({ length: 20_000 }, (_, i) => [
    `stock phrase number ${i} here`,
    `plain ${i}`,
  ])

  it('runs 20,000 rules without throwing and still replaces the right ones', () => {
    const text = 'First stock phrase number 19999 here, then stock phrase number 7 here.'
    expect(
      runPipeline(text, ['replace-phrases'], { language: 'en', replacements: manyPairs }).text,
    ).toBe('First plain 19999, then plain 7.')
  })

  it('runs rules whose phrases are each thousands of characters long', () => {
    const long = '秋'.repeat(5_000)
    const pairs: PhrasePair[] = [
      [long, '秋天'],
      ...Array.from({ length: 200 }, (_, i): PhrasePair => [`${'风'.repeat(3_000)}${i}`, '']),
    ]
    expect(
      runPipeline(`${long}来了`, ['replace-phrases'], { language: 'zh', replacements: pairs }).text,
    ).toBe('秋天来了')
  })
})
