import { describe, expect, it } from 'vitest'
import { runPipeline } from '@shared/postprocess'

const strip = (text: string): string => runPipeline(text, ['strip-think'], { language: 'zh' }).text

describe('strip-think', () => {
  it.each([
    ['<think>用户想要一段抒情的改写。</think>\n\n秋风吹过老街。', '秋风吹过老街。'],
    ['<think>\n\n</think>\n\nThe wind moved along the street.', 'The wind moved along the street.'],
    ['<THINK>plan</THINK>Answer.', 'Answer.'],
    ['秋风吹过老街。<think>再想想', '秋风吹过老街。'],
    ['The answer.\n\n<think>unfinished reasoning that ran out of tokens', 'The answer.'],
    ['先想一想这个问题……</think>\n\n秋风吹过老街。', '秋风吹过老街。'],
    ['<think>a</think>一<think>b</think>二', '一二'],
    ['<think>a</think>b</think>c', 'c'],
  ])('%j → %j', (input, output) => {
    expect(strip(input)).toBe(output)
  })

  it('leaves text without reasoning untouched, angle brackets and all', () => {
    const text = 'a < b and <em>thinking</em> is fine; 思考很重要。'
    expect(strip(text)).toBe(text)
  })
})
