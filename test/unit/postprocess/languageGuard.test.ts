import { describe, expect, it } from 'vitest'
import { runPipeline } from '@shared/postprocess'

const mismatch = (text: string, language: 'zh' | 'en'): boolean =>
  runPipeline(text, ['language-guard'], { language }).flags.languageMismatch

describe('language-guard', () => {
  it.each([
    ['The wind moved along the old street.', 'zh', true],
    ['秋风吹过老街，落叶纷纷。', 'en', true],
    ['秋风吹过老街，落叶纷纷。', 'zh', false],
    ['我今天用 ChatGPT 和 OpenAI 的模型写了一首诗。', 'zh', false],
    ['I visited 北京 last spring with my sister.', 'en', false],
    ['1234 —— !!!', 'zh', false],
  ] as const)('%j for %s → %s', (text, language, expected) => {
    expect(mismatch(text, language)).toBe(expected)
  })

  it('never changes the text', () => {
    const text = 'The wind moved along the old street.'
    const result = runPipeline(text, ['language-guard'], { language: 'zh' })
    expect(result.text).toBe(text)
    expect(result.changes).toEqual([])
  })

  it('is off unless the prompt lists it', () => {
    expect(
      runPipeline('The wind.', ['strip-think'], { language: 'zh' }).flags.languageMismatch,
    ).toBe(false)
  })
})
