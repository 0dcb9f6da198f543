import { describe, expect, it } from 'vitest'
import { RememberedIds } from '@core/generation/rememberedIds'

describe('RememberedIds', () => {
  it('forgets an id after its time, and the oldest past its limit', () => {
    let now = 0
    const ids = new RememberedIds(2, 100, () => now)
    ids.add('a')
    ids.add('b')
    ids.add('c')
    expect([ids.has('a'), ids.has('b'), ids.has('c')]).toEqual([false, true, true])
    now = 150
    expect(ids.size).toBe(0)
  })

  it('takes an id once', () => {
    const ids = new RememberedIds()
    ids.add('x')
    expect(ids.take('x')).toBe(true)
    expect(ids.take('x')).toBe(false)
  })
})
