import { describe, expect, it } from 'vitest'
import { fitPrompt, type CountTokens } from '@core/engine/fit/fitPrompt'
import type { PromptToFit } from '@core/engine/backend'

/** One token per character. */
const countChars: CountTokens = (system, user) => system.length + user.length

const MARK = '<<before>>'
const prompt = (before: string, selection: string): PromptToFit => ({
  kind: 'fit',
  system: 'S',
  user: `${MARK}|${selection}`,
  marker: MARK,
  before,
  bareUser: `|${selection}`,
  selection,
})
const userOf = (fitted: ReturnType<typeof fitPrompt>) => fitted.messages.at(-1)?.content

describe('fitPrompt', () => {
  it('leaves a prompt that fits alone', () => {
    const fitted = fitPrompt(prompt('abc', 'sel'), countChars, 100, 10)
    expect(fitted).toEqual({
      messages: [
        { role: 'system', content: 'S' },
        { role: 'user', content: 'abc|sel' },
      ],
      trimmedBefore: false,
      promptTokens: 8,
    })
  })

  it('trims the text before the selection from its start, keeping as much as fits', () => {
    const before = '0123456789'.repeat(10)
    const fitted = fitPrompt(prompt(before, 'selection'), countChars, 80, 20)
    // 80 tokens - 20 for the answer = 60 for the prompt: S + | + selection = 11, so 49 of before.
    expect(userOf(fitted)).toBe(`${before.slice(-49)}|selection`)
    expect(fitted.trimmedBefore).toBe(true)
    expect(fitted.promptTokens).toBe(60)
  })

  it('never trims the selection, and names both sizes when it cannot fit', () => {
    const selection = 'x'.repeat(90)
    expect(() => fitPrompt(prompt('before', selection), countChars, 80, 20)).toThrow(
      expect.objectContaining({
        code: 'context-overflow',
        message: expect.stringMatching(/selection is about 90 tokens.*needs 112.*holds 80/),
      }),
    )
  })

  it('does not split a surrogate pair when it trims', () => {
    const before = '😀'.repeat(30)
    const fitted = fitPrompt(prompt(before, 's'), countChars, 40, 10)
    expect(userOf(fitted)?.startsWith('\uDE00')).toBe(false)
  })

  it('uses the prompt rendered without `before` when none of it fits, or there is none', () => {
    expect(userOf(fitPrompt(prompt('abcdef', 'sel'), countChars, 15, 10))).toBe('|sel')
    expect(userOf(fitPrompt(prompt('', 'sel'), countChars, 100, 10))).toBe('|sel')
  })

  it('counts tokens only where it runs: with a real tokenizer this costs no round trips', () => {
    let calls = 0
    const counting: CountTokens = (system, user) => (calls++, countChars(system, user))
    fitPrompt(prompt('0123456789'.repeat(100), 'selection'), counting, 500, 20)
    // The full prompt, the bare one, then a binary search over 1000 characters.
    expect(calls).toBeLessThanOrEqual(2 + Math.ceil(Math.log2(1001)))
  })
})
