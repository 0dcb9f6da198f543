import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeResults } from '../../../scripts/bench/report'
import { interleave, median, percentile } from '../../../scripts/bench/measure'

const section = (value: number) => ({
  figures: { value },
  rows: [{ measure: 'm', value: String(value), target: '', met: null }],
})

const run = (at: string, sections: Record<string, ReturnType<typeof section>>) => ({
  startedAt: new Date(at),
  machine: {},
  options: {},
  sections,
  table: '',
})

describe('bench results file', () => {
  it('a partial run keeps the sections an earlier run of the day measured, with their time', () => {
    const folder = mkdtempSync(join(tmpdir(), 'quire-bench-results-'))
    writeResults(folder, run('2026-12-03T10:00:00Z', { pipeline: section(1), editor: section(2) }))
    const path = writeResults(folder, run('2026-12-03T11:00:00Z', { editor: section(3) }))
    const written = JSON.parse(readFileSync(path, 'utf8'))
    expect(written.sections).toEqual({ editor: section(3) })
    expect(written.earlierSections).toEqual({
      pipeline: { startedAt: '2026-12-03T10:00:00.000Z', result: section(1) },
    })
    // A note a person added to the day's file survives the next run.
    const noted = { ...JSON.parse(readFileSync(path, 'utf8')), rerun: { note: 'by hand' } }
    writeFileSync(path, JSON.stringify(noted))
    // A later full run measures everything again: nothing is carried over any more.
    writeResults(folder, run('2026-12-03T12:00:00Z', { pipeline: section(4), editor: section(5) }))
    const latest = JSON.parse(readFileSync(path, 'utf8'))
    expect(latest.earlierSections).toBeUndefined()
    expect(latest.rerun).toEqual({ note: 'by hand' })
    expect(latest.sections).toEqual({ pipeline: section(4), editor: section(5) })
  })
})

describe('bench statistics', () => {
  it('interleaves A B then B A, and drops the warm-up pairs', async () => {
    const order: string[] = []
    const result = await interleave(
      3,
      async (n) => (order.push(`a${n}`), n),
      async (n) => (order.push(`b${n}`), n),
      1,
    )
    expect(order).toEqual(['b-1', 'a-1', 'a0', 'b0', 'b1', 'a1', 'a2', 'b2'])
    expect(result).toEqual({ a: [0, 1, 2], b: [0, 1, 2] })
  })

  it('takes medians and percentiles by nearest rank', () => {
    expect(median([5, 1, 3])).toBe(3)
    expect(percentile([1, 2, 3, 4], 0.25)).toBe(1)
    expect(percentile([1, 2, 3, 4], 0.75)).toBe(3)
    expect(Number.isNaN(median([]))).toBe(true)
  })
})
