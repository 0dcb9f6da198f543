import { describe, expect, it } from 'vitest'
import { diffText, diffUnits } from '@shared/text/diff'
import { joiningSpace, leadingWord } from '@shared/text/words'

const changed = (before: string, after: string) =>
  diffText(before, after)
    .filter((part) => part.kind !== 'same')
    .map((part) => `${part.kind === 'added' ? '+' : '-'}${part.text}`)

describe('diffText', () => {
  it('compares English word by word: a changed word is one removal and one addition', () => {
    expect(changed('The old man walked home.', 'The tired man walked home.')).toEqual([
      '-old',
      '+tired',
    ])
  })

  it('never splits a Latin word into letters', () => {
    // A character diff would keep the shared "walk" and show only "ed"/"s".
    expect(changed('She walked slowly.', 'She walks slowly.')).toEqual(['-walked', '+walks'])
  })

  it('compares Chinese character by character, inside the words the segmenter finds', () => {
    expect(changed('秋天的风吹过老街。', '秋天的风掠过老街。')).toEqual(['-吹', '+掠'])
  })

  it('handles mixed text: a Latin word and a Chinese character in one sentence', () => {
    expect(changed('他在 London 住了三年。', '他在 Paris 住了五年。')).toEqual([
      '-London',
      '+Paris',
      '-三',
      '+五',
    ])
  })

  it('puts the parts back together into both texts', () => {
    const before = 'Rain fell on the roofs, 雨落在屋顶上。'
    const after = 'Soft rain fell on tin roofs, 细雨落在屋顶上。'
    const parts = diffText(before, after)
    const join = (keep: 'added' | 'removed') =>
      parts
        .filter((p) => p.kind !== keep)
        .map((p) => p.text)
        .join('')
    expect(join('added')).toBe(before)
    expect(join('removed')).toBe(after)
  })

  it('gives one part for identical text and one addition for an empty original', () => {
    expect(diffText('同样的话', '同样的话')).toEqual([{ kind: 'same', text: '同样的话' }])
    expect(diffText('', 'New')).toEqual([{ kind: 'added', text: 'New' }])
  })

  it('splits units: Latin words whole, CJK characters one by one, emoji kept whole', () => {
    expect(diffUnits('Hi 你好 👋🏽!')).toEqual(['Hi', ' ', '你', '好', ' ', '👋🏽', '!'])
  })
})

describe('leadingWord', () => {
  it('takes the next English word with the space before it', () => {
    expect(leadingWord(' the rain kept falling')).toBe(' the')
  })

  it('takes the next Chinese word as the segmenter finds it, not one character', () => {
    const word = leadingWord('雨还在下，街上没有人。')
    expect('雨还在下，街上没有人。'.startsWith(word)).toBe(true)
    expect(word.length).toBeGreaterThanOrEqual(1)
    expect(word.length).toBeLessThan(4)
  })

  it('brings leading punctuation along with the word after it', () => {
    expect(leadingWord(', and then')).toBe(', and')
    expect(leadingWord('，然后')).toMatch(/^，然/)
  })

  it('takes everything when no word is left', () => {
    expect(leadingWord(' …')).toBe(' …')
    expect(leadingWord('')).toBe('')
  })
})

describe('joiningSpace', () => {
  it('puts a space between English words and after English punctuation, none for Chinese', () => {
    expect(joiningSpace('She opened the door', 'Rain came in.')).toBe(' ')
    expect(joiningSpace('She opened the door.', 'Rain came in.')).toBe(' ')
    expect(joiningSpace('She opened the door ', 'Rain')).toBe('')
    expect(joiningSpace('她推开门。', '雨飘了进来。')).toBe('')
    expect(joiningSpace('', 'Rain')).toBe('')
  })
})
