import { describe, expect, it } from 'vitest'
import { splitSentences } from '@shared/postprocess/sentences'
import { countUnits } from '@shared/postprocess/units'

const split = (text: string): string[] => splitSentences(text).map((sentence) => sentence.text)

describe('splitSentences', () => {
  it.each([
    ['风很轻。云很淡！雨很大？', ['风很轻。', '云很淡！', '雨很大？']],
    ['他走了……我留下了。', ['他走了……', '我留下了。']],
    ['他走了……\n我留下了。', ['他走了……\n', '我留下了。']],
    ['“好。”她说。“走吧。”他说。', ['“好。”', '她说。', '“走吧。”', '他说。']],
    ['Dr. Smith came. Then he left.', ['Dr. Smith came. ', 'Then he left.']],
    ['It costs 3.14 dollars. It is 10:30 now.', ['It costs 3.14 dollars. ', 'It is 10:30 now.']],
    ['访问https://example.com/?q=1就行。好的。', ['访问https://example.com/?q=1就行。', '好的。']],
    ['e.g. the wind. The rain.', ['e.g. the wind. ', 'The rain.']],
  ])('%j', (text, sentences) => {
    expect(split(text)).toEqual(sentences)
  })

  it('covers the text exactly', () => {
    const text = '  风很轻。 云很淡。\n\nThe wind.  Rain…'
    expect(split(text).join('')).toBe(text)
  })
})

describe('countUnits', () => {
  it.each([
    ['秋风吹过老街。', 6],
    ['我用ChatGPT写了3首诗！', 8],
    ["GPT-4.5 costs 3.14, don't worry.", 5],
    ['……——，。', 0],
  ])('%j has %i units', (text, units) => {
    expect(countUnits(text)).toBe(units)
  })
})
