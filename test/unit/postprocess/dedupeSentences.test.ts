import { describe, expect, it } from 'vitest'
import { runPipeline } from '@shared/postprocess'

const dedupe = (text: string, language: 'zh' | 'en' = 'zh'): string =>
  runPipeline(text, ['dedupe-sentences'], { language }).text

describe('dedupe-sentences', () => {
  it.each([
    ['风很轻。云很淡。风很轻。', '风很轻。云很淡。'],
    ['风很轻！云很淡？风很轻……雨很大。', '风很轻！云很淡？雨很大。'],
    ['风很轻。云很淡。\n\n风很轻。雨很大。', '风很轻。云很淡。\n\n雨很大。'],
    ['风很轻。云很淡。风很轻。\n\n雨很大。', '风很轻。云很淡。\n\n雨很大。'],
    [
      'The wind is soft. The clouds are thin. The wind is soft. Rain falls.',
      'The wind is soft. The clouds are thin. Rain falls.',
    ],
    [
      'The wind is soft. The clouds are thin. THE WIND  IS SOFT!',
      'The wind is soft. The clouds are thin.',
    ],
    ['The wind is soft.\n\nThe wind, is soft.\n\nRain falls.', 'The wind is soft.\n\nRain falls.'],
    ['我用 ChatGPT 写诗。It works. 我用ChatGPT写诗！', '我用 ChatGPT 写诗。It works.'],
    ['山很高\n水很长\n山很高\n', '山很高\n水很长\n'],
    ['风很轻，云很淡。风很轻，云很淡。', '风很轻，云很淡。'],
  ])('%j → %j', (input, output) => {
    expect(dedupe(input)).toBe(output)
  })

  it.each([
    // Not sentence repeats: abbreviations, numbers and URLs do not end sentences.
    'Dr. Smith came. Dr. Jones left.',
    'It costs 3.14 dollars. It costs 3.15 dollars.',
    '访问https://example.com/?a=1 看看。访问https://example.com/?a=2 看看。',
    '风很轻。云很淡。雨很大。',
    // A clause inside a longer sentence is not a sentence of its own.
    '风很轻。风很轻的时候，云很淡。',
  ])('keeps %j whole', (text) => {
    expect(dedupe(text)).toBe(text)
  })

  it('keeps the quotes of a kept sentence balanced when a repeat is dropped', () => {
    expect(dedupe('“走吧。”她说。“走吧。”他说。')).toBe('“走吧。”她说。他说。')
  })
})
