import { describe, expect, it } from 'vitest'
import type { Token, Tokenizer } from 'node-llama-cpp'
import { rememberingTokenizer } from '@core/engine/worker/rememberingTokenizer'

/** A stand-in tokenizer: one token per character (its code), one less when trimming a leading space. */
function countingTokenizer() {
  const calls: string[] = []
  const tokenize = (text: string, _special?: boolean, options?: 'trimLeadingSpace') => {
    calls.push(text)
    const body = options === 'trimLeadingSpace' ? text.replace(/^ /, '') : text
    return [...body].map((char) => char.codePointAt(0) as Token)
  }
  const tokenizer = Object.assign(tokenize, {
    detokenize: () => '',
    isSpecialToken: () => false,
    isEogToken: (token: Token) => token === 0,
  }) as unknown as Tokenizer
  return { tokenizer, calls }
}

const persona = ` You are a writer who keeps going. ${'Warm, specific, never stock. '.repeat(12)}`

describe('rememberingTokenizer', () => {
  it('tokenizes a long text once and gives the same tokens each time after', () => {
    const { tokenizer, calls } = countingTokenizer()
    const remembering = rememberingTokenizer(tokenizer)
    const first = remembering(persona, false)
    const second = remembering(persona, false)
    expect(second).toEqual(first)
    expect(first).toEqual(tokenizer(persona, false))
    expect(calls.filter((text) => text === persona)).toHaveLength(2) // once remembered, once above
  })

  it('keeps texts tokenized with other options apart', () => {
    const { tokenizer } = countingTokenizer()
    const remembering = rememberingTokenizer(tokenizer)
    const plain = remembering(persona, false)
    const trimmed = remembering(persona, false, 'trimLeadingSpace')
    expect(trimmed).toHaveLength(plain.length - 1)
    expect(remembering(persona, false)).toEqual(plain)
  })

  it('hands out copies, so a caller changing its tokens changes nothing for the next', () => {
    const { tokenizer } = countingTokenizer()
    const remembering = rememberingTokenizer(tokenizer)
    const first = remembering(persona, false)
    first.length = 0
    expect(remembering(persona, false)).toHaveLength([...persona].length)
  })

  it('tokenizes short texts every time and forgets the oldest long ones', () => {
    const { tokenizer, calls } = countingTokenizer()
    const remembering = rememberingTokenizer(tokenizer)
    remembering('Passage 1', false)
    remembering('Passage 1', false)
    expect(calls).toEqual(['Passage 1', 'Passage 1'])
    const texts = Array.from({ length: 9 }, (_, i) => `${i} ${persona}`)
    for (const text of texts) remembering(text, false)
    calls.length = 0
    remembering(texts[8] ?? '', false)
    remembering(texts[0] ?? '', false)
    expect(calls).toEqual([texts[0]])
  })

  it('keeps the tokenizer’s other functions', () => {
    const { tokenizer } = countingTokenizer()
    const remembering = rememberingTokenizer(tokenizer)
    expect(remembering.isEogToken(0 as Token)).toBe(true)
    expect(remembering.isSpecialToken(5 as Token)).toBe(false)
  })
})
