import { describe, expect, it } from 'vitest'
import { rankByScore, scoreAnswer, type ScoreContext } from '@shared/eval'

const park: ScoreContext = {
  checks: { maxChars: 60, language: 'zh', avoid: ['孤独'], minSenses: 2 },
  input: '下午我在公园里散步，人不多，很安静。',
  language: 'zh',
}

describe('scoring one answer', () => {
  it('gives full marks to an answer that keeps every check, repeats nothing and copies nothing', () => {
    const score = scoreAnswer('我沿着湖走，听见柳枝里的鸟鸣，闻到槐花淡淡的香。', park)
    expect(score).toMatchObject({
      compliance: 1,
      repetition: 0,
      copiesInput: false,
      stockPhrases: 0,
    })
    expect(score.score).toBeGreaterThan(0.9)
  })

  it('fails an answer that copies the input, and an empty one', () => {
    expect(scoreAnswer(park.input, park)).toMatchObject({ score: 0, copiesInput: true, overlap: 1 })
    expect(scoreAnswer('', park).score).toBe(0)
  })

  it('does not call a continuation that repeats words a copy when asked not to judge copies', () => {
    const same = scoreAnswer(park.input, { ...park, judgeCopy: false })
    expect(same.copiesInput).toBe(false)
    expect(same.score).toBeGreaterThan(0)
  })

  it('ranks a broken, looping, stock answer below a clean one', () => {
    const clean = '我沿着湖走，听见柳枝里的鸟鸣，闻到槐花淡淡的香。'
    const looping = '孤独孤独孤独，时光荏苒，时光荏苒，时光荏苒，时光荏苒。'
    const ranked = rankByScore(
      [looping, clean].map((text) => ({ text, score: scoreAnswer(text, park) })),
    )
    expect(ranked.map((c) => c.index)).toEqual([1, 0])
    const [best, worst] = ranked
    expect(worst!.score.stockPhrases).toBe(4)
    expect(worst!.score.repetition).toBeGreaterThan(0.3)
    expect(worst!.score.checks.find((c) => c.check === 'avoid')?.pass).toBe(false)
    expect(best!.score.score).toBeGreaterThan(worst!.score.score)
  })

  it('keeps the earlier candidate first on a tie', () => {
    const text = '我听见雨声，闻到泥土的气味。'
    const ranked = rankByScore([0, 1, 2].map(() => ({ score: scoreAnswer(text, park) })))
    expect(ranked.map((c) => c.index)).toEqual([0, 1, 2])
  })
})
