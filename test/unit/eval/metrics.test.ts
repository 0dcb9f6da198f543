import { describe, expect, it } from 'vitest'
import { distinctN, inputOverlap, repeatedTrigramShare, textUnits } from '@shared/eval'

describe('the units the metrics count', () => {
  it('counts Chinese per character and Latin per word, lower-cased, without punctuation', () => {
    expect(textUnits('春天的午后，我在 Park 里。')).toEqual([
      '春',
      '天',
      '的',
      '午',
      '后',
      '我',
      '在',
      'park',
      '里',
    ])
    expect(textUnits("Don't stop—the rain.")).toEqual(["don't", 'stop', 'the', 'rain'])
    expect(textUnits('AI写作')).toEqual(['ai', '写', '作'])
  })
})

describe('distinct-n across samples', () => {
  it('is distinct n-grams over all n-grams, hand-counted', () => {
    // 我 爱 你 / 我 爱 她: six unigrams, four distinct.
    expect(distinctN(['我爱你', '我爱她'], 1)).toBeCloseTo(4 / 6)
    // the-cat, cat-sat / the-cat, cat-ran: four bigrams, three distinct.
    expect(distinctN(['the cat sat', 'the cat ran'], 2)).toBeCloseTo(3 / 4)
    expect(distinctN(['same words here', 'same words here'], 1)).toBeCloseTo(3 / 6)
  })

  it('never joins the end of one sample to the start of the next', () => {
    // Each sample has one unit: no bigram at all.
    expect(distinctN(['雨', '雪'], 2)).toBe(0)
  })
})

describe('repeated 3-gram share inside an answer', () => {
  it('is 0 for an answer that never repeats and grows as it loops', () => {
    expect(repeatedTrigramShare('one two three four five')).toBe(0)
    // abc bca cab abc: one of four repeats.
    expect(repeatedTrigramShare('a b c a b c')).toBeCloseTo(1 / 4)
    // 我爱你我爱你我爱你: seven 3-grams, three distinct.
    expect(repeatedTrigramShare('我爱你我爱你我爱你')).toBeCloseTo(4 / 7)
    expect(repeatedTrigramShare('too short')).toBe(0)
  })
})

describe('overlap with the input', () => {
  it('is 1 for a copy, 0 for new words, and the shared share in between', () => {
    expect(inputOverlap('The cat sat on the mat.', 'the cat sat on the mat')).toBe(1)
    expect(inputOverlap('Rain fell all night.', 'the cat sat on the mat')).toBe(0)
    // 春风吹 风吹过 吹过湖 过湖面: the first input has the first, the second the first two.
    expect(inputOverlap('春风吹过湖面', '春风吹')).toBeCloseTo(1 / 4)
    expect(inputOverlap('春风吹过湖面', '一阵春风吹过')).toBeCloseTo(2 / 4)
  })
})
