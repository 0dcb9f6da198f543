import { cpus, totalmem, type, release } from 'node:os'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Row, SectionResult } from './types'

/** The machine a run was made on, as the README names it. */
export function describeMachine(): Record<string, string | number> {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU'
  return {
    cpu,
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    os: `${type()} ${release()}`,
    node: process.version,
  }
}

const mark = (met: boolean | null) => (met === null ? '' : met ? '✅ met' : '❌ missed')

/** The Markdown table of every section's rows. */
export function markdownTable(sections: { title: string; rows: Row[] }[]): string {
  const lines = ['| Section | Measure | Result | Target | |', '|---|---|---|---|---|']
  for (const section of sections)
    for (const row of section.rows)
      lines.push(
        `| ${section.title} | ${row.measure} | ${row.value} | ${row.target || '—'} | ${mark(row.met)} |`,
      )
  return lines.join('\n')
}

/** Writes `bench/results/<date>.json` (the day's latest run) and returns its path. */
export function writeResults(
  folder: string,
  run: {
    startedAt: Date
    machine: Record<string, string | number>
    options: Record<string, unknown>
    sections: Record<string, SectionResult | { error: string }>
    table: string
  },
): string {
  mkdirSync(folder, { recursive: true })
  const stamp = run.startedAt.toISOString()
  const path = join(folder, `${stamp.slice(0, 10)}.json`)
  writeFileSync(path, `${JSON.stringify({ ...run, startedAt: stamp }, null, 2)}\n`)
  return path
}
