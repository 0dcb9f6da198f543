import { describe, expect, it } from 'vitest'
import { budgetReached, hasBudget } from '@shared/postprocess'

/** Feeds `text` one character at a time, as tokens stream, and says where the budget stopped it. */
function stopAt(text: string, steps: Parameters<typeof budgetReached>[1]): string | null {
  for (let i = 1; i <= text.length; i++)
    if (budgetReached(text.slice(0, i), steps)) return text.slice(0, i)
  return null
}

describe('the length budget of a streaming answer', () => {
  it('stops a Chinese answer at the first sentence end past trim-length, not before', () => {
    const answer = '风很轻。云很淡。雨很大。后来天晴了。'
    // 6 characters: the budget is passed inside 雨很大, so the stop comes once that sentence has ended.
    expect(stopAt(answer, [{ 'trim-length': 6 }])).toBe('风很轻。云很淡。雨很大。后')
    expect(stopAt(answer, [{ 'trim-length': 40 }])).toBeNull()
  })

  it('counts English words, and holds back a preamble the card does not show', () => {
    const answer = 'Sure! Here is the rewrite:\nThe wind is soft. The clouds are thin. It rains.'
    const stop = stopAt(answer, ['strip-preamble', { 'trim-length': 5 }])
    expect(stop).toBe('Sure! Here is the rewrite:\nThe wind is soft. The clouds are thin. It')
  })

  it('stops a poem once a line follows the last one max-lines allows', () => {
    const poem = '秋夜\n\n月照空庭\n霜落寒枝\n人在天涯\n梦回故里\n'
    expect(stopAt(poem, [{ 'max-lines': 2 }])).toBe('秋夜\n\n月照空庭\n霜落寒枝\n人')
  })

  it('gives prompts without a length step no budget', () => {
    expect(hasBudget(['dedupe-sentences'])).toBe(false)
    expect(hasBudget([{ 'max-lines': 4 }])).toBe(true)
    expect(stopAt('风很轻。'.repeat(50), ['dedupe-sentences'])).toBeNull()
  })
})
