import { cpus, loadavg, totalmem, type, release } from 'node:os'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
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

type Results = Record<string, unknown> & {
  startedAt?: string
  sections?: Record<string, unknown>
  earlierSections?: Record<string, { startedAt: string; result: unknown }>
}

/**
 * Writes `bench/results/<date>.json` (the day's latest run) and returns its path. Sections an
 * earlier run of the day measured and this one did not (`--only`) are kept, under
 * `earlierSections` with the time of their run, so a partial run never drops another's figures;
 * keys a person added to the file (such as `rerun` notes) are kept too.
 */
export function writeResults(
  folder: string,
  run: {
    startedAt: Date
    machine: Record<string, string | number>
    options: Record<string, unknown>
    sections: Record<string, SectionResult | { error: string }>
    table: string
    /** The whole run's wall time, and each section's. */
    durationS?: number
    sectionSeconds?: Record<string, number>
    loadDuringRun?: LoadDuringRun
  },
): string {
  mkdirSync(folder, { recursive: true })
  const stamp = run.startedAt.toISOString()
  const path = join(folder, `${stamp.slice(0, 10)}.json`)
  const earlier = readEarlier(path)
  const earlierSections: NonNullable<Results['earlierSections']> = {}
  for (const [key, entry] of Object.entries(earlier?.earlierSections ?? {}))
    if (!(key in run.sections)) earlierSections[key] = entry
  for (const [key, result] of Object.entries(earlier?.sections ?? {}))
    if (!(key in run.sections))
      earlierSections[key] = { startedAt: earlier?.startedAt ?? '', result }
  const written = {
    // What a person added to the day's file (notes, a section run again by hand) stays.
    ...notesIn(earlier),
    ...run,
    startedAt: stamp,
    ...(Object.keys(earlierSections).length && { earlierSections }),
  }
  writeFileSync(path, `${JSON.stringify(written, null, 2)}\n`)
  return path
}

/** The keys of the day's file that no run writes. */
const RUN_KEYS = new Set([
  'startedAt',
  'machine',
  'options',
  'sections',
  'table',
  'durationS',
  'sectionSeconds',
  'loadDuringRun',
  'earlierSections',
])

function notesIn(earlier: Results | null): Record<string, unknown> {
  return Object.fromEntries(Object.entries(earlier ?? {}).filter(([key]) => !RUN_KEYS.has(key)))
}

function readEarlier(path: string): Results | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Results
  } catch {
    // No run yet today, or a file that is not JSON: this run starts the day's file afresh.
    return null
  }
}

/** The machine's 1-minute load average while a run lasts: its lowest, middle and highest. */
export type LoadDuringRun = { min: number; median: number; max: number; samples: number }

/** Samples the load average every `everyMs` until the returned function is called. */
export function sampleLoad(everyMs = 5_000): () => LoadDuringRun {
  const samples = [loadavg()[0] ?? 0]
  const timer = setInterval(() => samples.push(loadavg()[0] ?? 0), everyMs)
  timer.unref()
  return () => {
    clearInterval(timer)
    samples.push(loadavg()[0] ?? 0)
    const sorted = [...samples].sort((a, b) => a - b)
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]
    const two = (x: number | undefined) => Math.round((x ?? 0) * 100) / 100
    return {
      min: two(sorted[0]),
      median: two(at(0.5)),
      max: two(sorted.at(-1)),
      samples: sorted.length,
    }
  }
}
