import { describe, expect, it } from 'vitest'
import { wilsonInterval } from '@shared/compare/wilson'

describe('the 95% Wilson interval', () => {
  it('matches R’s prop.test(8, 10, correct = FALSE): 0.4901625 to 0.9433178', () => {
    const { low, high } = wilsonInterval(8, 10)
    expect(low).toBeCloseTo(0.4901625, 6)
    expect(high).toBeCloseTo(0.9433178, 6)
  })

  it('matches the closed forms at the edges: 0 of n reaches z²/(n+z²), n of n starts there', () => {
    const z2 = 1.959963984540054 ** 2
    expect(wilsonInterval(0, 10)).toEqual({ low: 0, high: expect.closeTo(z2 / (10 + z2), 12) })
    expect(wilsonInterval(10, 10)).toEqual({
      low: expect.closeTo(10 / (10 + z2), 12),
      high: expect.closeTo(1, 12),
    })
  })

  it('is symmetric about one half and narrows as votes come in', () => {
    const half = wilsonInterval(5, 10)
    expect(half.low).toBeCloseTo(0.2365931, 6)
    expect(half.high).toBeCloseTo(1 - half.low, 12)
    const more = wilsonInterval(50, 100)
    expect(more.high - more.low).toBeLessThan(half.high - half.low)
  })

  it('says nothing is known before any vote, and refuses impossible counts', () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 })
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError)
  })
})
