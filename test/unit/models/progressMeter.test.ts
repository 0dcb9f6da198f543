import { describe, expect, it } from 'vitest'
import { ProgressMeter } from '@core/engine/download/progressMeter'

describe('download speed and time left', () => {
  it('measures a steady 1 MB/s and counts down the time left', () => {
    const meter = new ProgressMeter()
    let rate = meter.update(0, 10_000_000, 0)
    expect(rate).toEqual({ bytesPerSecond: 0, etaSeconds: null })
    for (let second = 1; second <= 4; second++)
      rate = meter.update(second * 1_000_000, 10_000_000, second * 1000)
    expect(rate.bytesPerSecond).toBeCloseTo(1_000_000)
    expect(rate.etaSeconds).toBeCloseTo(6)
  })

  it('does not guess a time left from the first fraction of a second', () => {
    const meter = new ProgressMeter()
    meter.update(0, 10_000_000, 0)
    expect(meter.update(300_000, 10_000_000, 300).etaSeconds).toBeNull()
  })

  it('counts only new bytes when a download resumes half way', () => {
    const meter = new ProgressMeter()
    meter.update(5_000_000, 10_000_000, 0)
    const rate = meter.update(6_000_000, 10_000_000, 2000)
    expect(rate.bytesPerSecond).toBeCloseTo(500_000)
    expect(rate.etaSeconds).toBeCloseTo(8)
  })

  it('follows the connection as it is now, not the average since the start', () => {
    const meter = new ProgressMeter(5_000)
    let bytes = 0
    for (let second = 1; second <= 10; second++)
      meter.update((bytes += 2_000_000), null, second * 1000)
    let rate = meter.update(bytes, null, 10_000)
    for (let second = 11; second <= 20; second++)
      rate = meter.update((bytes += 100_000), null, second * 1000)
    expect(rate.bytesPerSecond).toBeCloseTo(100_000, -3)
    expect(rate.etaSeconds).toBeNull()
  })

  it('says nothing is left once everything has arrived', () => {
    const meter = new ProgressMeter()
    meter.update(0, 100, 0)
    expect(meter.update(100, 100, 10).etaSeconds).toBe(0)
  })
})
