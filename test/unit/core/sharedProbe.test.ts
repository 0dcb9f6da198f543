import { afterEach, describe, expect, it, vi } from 'vitest'
import { sharedProbe } from '@core/engine/doctor/sharedProbe'

afterEach(() => void vi.useRealTimers())

describe('sharedProbe', () => {
  it('runs one probe for callers at the same time and for a while after, then a fresh one', async () => {
    vi.useFakeTimers({ now: 0 })
    let runs = 0
    const probe = sharedProbe(async () => ++runs, 30_000)
    expect(await Promise.all([probe(), probe(), probe()])).toEqual([1, 1, 1])
    vi.setSystemTime(29_000)
    expect(await probe()).toBe(1)
    vi.setSystemTime(31_000)
    expect(await probe()).toBe(2)
  })

  it('does not keep a failed probe: the next call tries again', async () => {
    let runs = 0
    const probe = sharedProbe(async () => {
      runs++
      if (runs === 1) throw new Error('no GPU driver answered')
      return 'cpu'
    })
    await expect(probe()).rejects.toThrow('no GPU driver answered')
    expect(await probe()).toBe('cpu')
  })
})
