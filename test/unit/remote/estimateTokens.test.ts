import { describe, expect, it } from 'vitest'
import {
  estimateChatTokens,
  estimateTokens,
  MESSAGE_OVERHEAD_TOKENS,
} from '@core/engine/remote/estimateTokens'

describe('estimateTokens', () => {
  it.each([
    ['', 0],
    ['abcd', 1],
    ['abcde', 2],
    ['The harbour was quiet.', 6],
    ['秋天的风吹过老街。', 9],
    ['こんにちは', 5],
    ['안녕하세요', 5],
    ['风 wind', 1 + 2],
    ['😀😀😀😀', 1],
  ])('estimates %j as %i tokens', (text, tokens) => {
    expect(estimateTokens(text)).toBe(tokens)
  })

  it('counts each chat message with its template overhead', () => {
    expect(estimateChatTokens([{ content: 'abcd' }, { content: '风' }])).toBe(
      1 + 1 + 2 * MESSAGE_OVERHEAD_TOKENS,
    )
  })
})
