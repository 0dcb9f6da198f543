import { describe, expect, it } from 'vitest'
import { runPipeline } from '@shared/postprocess'

const trim = (text: string, limit: number, language: 'zh' | 'en') =>
  runPipeline(text, [{ 'trim-length': limit }], { language })

describe('trim-length', () => {
  it.each([
    // Chinese: characters count, punctuation does not; cut at the last sentence end that fits.
    ['风很轻。云很淡。雨很大。', 6, '风很轻。云很淡。'],
    ['风很轻。云很淡。雨很大。', 9, '风很轻。云很淡。雨很大。'],
    // The kept sentences end with their own marks; nothing is added.
    ['风很轻！云很淡？雨很大。', 7, '风很轻！云很淡？'],
    ['风很轻。\n\n云很淡。雨很大。', 6, '风很轻。\n\n云很淡。'],
    // First sentence too long: cut before the last clause mark that fits, with no mark added.
    ['秋天的风吹过老街，落叶在脚下沙沙作响，远处传来吆喝声。', 12, '秋天的风吹过老街'],
    [
      '秋天的风吹过老街，落叶在脚下沙沙作响，远处传来吆喝声。',
      17,
      '秋天的风吹过老街，落叶在脚下沙沙作响',
    ],
    ['秋天的风吹过老街；落叶纷纷。', 10, '秋天的风吹过老街'],
    // No clause mark fits: a hard cut.
    ['秋天的风吹过老街落叶纷纷', 5, '秋天的风吹'],
    // Mixed: a Latin word and a number count one unit each.
    ['我用ChatGPT写了3首诗。然后睡觉。', 8, '我用ChatGPT写了3首诗。'],
    ['我用ChatGPT写了3首诗。然后睡觉。', 7, '我用ChatGPT写了3首'],
  ])('zh %j at %i → %j', (input, limit, output) => {
    expect(trim(input, limit, 'zh').text).toBe(output)
  })

  it.each([
    [
      'The wind is soft. The clouds are thin. The rain is heavy.',
      8,
      'The wind is soft. The clouds are thin.',
    ],
    ['The wind is soft. The clouds are thin.', 8, 'The wind is soft. The clouds are thin.'],
    ['Is it soft? It is. It rains.', 5, 'Is it soft? It is.'],
    [
      'The wind moved along the old street, the leaves fell, and someone sang.',
      10,
      'The wind moved along the old street, the leaves fell',
    ],
    ['The wind moved along the old street; the leaves fell.', 4, 'The wind moved along'],
    [
      "GPT-4.5 costs 3.14 dollars, e.g. today. Then it didn't.",
      6,
      'GPT-4.5 costs 3.14 dollars, e.g. today.',
    ],
  ])('en %j at %i → %j', (input, limit, output) => {
    expect(trim(input, limit, 'en').text).toBe(output)
  })

  it('reports a cut as truncated, and no cut as not', () => {
    expect(trim('风很轻。云很淡。', 3, 'zh').flags.truncated).toBe(true)
    expect(trim('风很轻。云很淡。', 30, 'zh').flags.truncated).toBe(false)
  })

  it('never writes a mark the model did not write, in either script', () => {
    for (const [input, limit] of [
      ['今天很好。Tomorrow will be better. 后天呢？', 8],
      ['秋天的风吹过老街，落叶在脚下沙沙作响，远处传来吆喝声。', 12],
      ['The wind moved along the old street, the leaves fell, and someone sang.', 10],
      ['秋天的风吹过老街落叶纷纷', 5],
    ] as const) {
      const { text, flags } = trim(input, limit, /[a-z]/.test(input[0] ?? '') ? 'en' : 'zh')
      expect(flags.truncated).toBe(true)
      expect(input.startsWith(text)).toBe(true)
      expect(text).not.toMatch(/…$/)
    }
    expect(trim('今天很好。Tomorrow will be better. 后天呢？', 8, 'zh').text).toBe(
      '今天很好。Tomorrow will be better.',
    )
  })

  it('keeps an ellipsis already at the cut rather than doubling it', () => {
    expect(trim('风很轻……云很淡。雨很大。', 4, 'zh').text).toBe('风很轻……')
  })
})
