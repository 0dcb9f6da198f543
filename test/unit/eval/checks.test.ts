import { describe, expect, it } from 'vitest'
import { countStockPhrases, runChecks, sensesIn } from '@shared/eval'
import type { PromptChecks } from '@shared/prompts/checks'

const zh = (text: string, checks: PromptChecks, input = '公园里很安静。') =>
  runChecks(text, checks, { input, language: 'zh' })
const en = (text: string, checks: PromptChecks, input = 'The park was quiet.') =>
  runChecks(text, checks, { input, language: 'en' })
const passes = (results: ReturnType<typeof runChecks>) => results.map((r) => [r.check, r.pass])

describe('each check', () => {
  it('maxChars and minChars count characters without white space', () => {
    expect(zh('一二三 四五', { maxChars: 5 })).toEqual([
      { check: 'maxChars', pass: true, expected: 5, actual: 5 },
    ])
    expect(passes(zh('一二三四五六', { maxChars: 5, minChars: 3 }))).toEqual([
      ['maxChars', false],
      ['minChars', true],
    ])
  })

  it('maxWords and minWords count words, each Chinese character one', () => {
    expect(passes(en('one two three four', { maxWords: 3 }))).toEqual([['maxWords', false]])
    expect(passes(en('one two three', { maxWords: 3, minWords: 3 }))).toEqual([
      ['maxWords', true],
      ['minWords', true],
    ])
    expect(zh('秋夜', { minWords: 3 })[0]).toMatchObject({ pass: false, actual: 2 })
  })

  it('maxLines and minLines count lines with something on them', () => {
    const poem = '第一行\n\n第二行\n第三行\n'
    expect(zh(poem, { maxLines: 3, minLines: 3 }).every((r) => r.pass)).toBe(true)
    expect(zh(poem, { maxLines: 2 })[0]).toMatchObject({ pass: false, actual: 3 })
  })

  it('the length ratios measure the answer against the input', () => {
    // 10 characters of answer against 5 of input: ratio 2.
    const [max, min] = zh(
      '一二三四五六七八九十',
      { maxLengthRatio: 1.5, minLengthRatio: 1.5 },
      '一二三四五',
    )
    expect(max).toMatchObject({ check: 'maxLengthRatio', pass: false, actual: 2 })
    expect(min).toMatchObject({ check: 'minLengthRatio', pass: true, actual: 2 })
  })

  it('language fails for an answer in the other language, and for an empty one', () => {
    expect(zh('秋天的风吹过老街。', { language: 'zh' })[0]?.pass).toBe(true)
    expect(zh('The autumn wind.', { language: 'zh' })[0]).toMatchObject({
      pass: false,
      actual: 'en',
    })
    expect(zh('  ', { language: 'zh' })[0]?.pass).toBe(false)
  })

  it('avoid lists the forbidden words found, whatever their case', () => {
    expect(zh('夜里，孤独像潮水。', { avoid: ['孤独', '思念'] })[0]).toMatchObject({
      pass: false,
      actual: ['孤独'],
    })
    expect(en('My Soul sings.', { avoid: ['soul', 'eternity'] })[0]).toMatchObject({
      pass: false,
      actual: ['soul'],
    })
    expect(en('The kettle sings.', { avoid: ['soul'] })[0]?.pass).toBe(true)
  })

  it('minSenses and senses find the senses by their words', () => {
    expect(sensesIn('我听见鸟鸣，闻到槐花的香气，阳光很暖。', 'zh')).toEqual([
      'sight',
      'sound',
      'smell',
      'touch',
    ])
    expect(sensesIn('She whispered; the bread smelled sweet.', 'en')).toEqual([
      'sound',
      'smell',
      'taste',
    ])
    expect(zh('鸟鸣声声。', { minSenses: 2, senses: ['sound'] }).map((r) => r.pass)).toEqual([
      false,
      true,
    ])
    expect(zh('花香。', { senses: ['sound', 'smell'] })[0]?.pass).toBe(false)
  })

  it('person: first person needs an I outside quotations; third person has none', () => {
    expect(zh('我走进公园。', { person: 'first' })[0]?.pass).toBe(true)
    expect(zh('她走进公园。', { person: 'first' })[0]?.pass).toBe(false)
    expect(en('He said, "I am late."', { person: 'third' })[0]?.pass).toBe(true)
    expect(en('I was late.', { person: 'third' })[0]).toMatchObject({
      pass: false,
      actual: 'first',
    })
  })

  it('runs only the checks a prompt states', () => {
    expect(zh('任何文字', {})).toEqual([])
  })
})

describe('stock phrases', () => {
  it('counts every occurrence of the language’s list', () => {
    expect(countStockPhrases('时光荏苒，岁月静好。时光荏苒。', 'zh')).toBe(3)
    expect(countStockPhrases('It was a testament to her will, a Tapestry of days.', 'en')).toBe(2)
    expect(countStockPhrases('The rain fell on the tin roof.', 'en')).toBe(0)
  })
})
