// Small statistics for the bench: medians and percentiles of samples, and the A B A B order
// that keeps a ratio fair on a machine whose load changes from one second to the next.

/** The value below which `p` (0–1) of the samples fall (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))
  return sorted[rank] ?? Number.NaN
}

/** The middle sample. */
export function median(values: readonly number[]): number {
  return percentile(values, 0.5)
}

/** Rounds to `digits` decimals (NaN stays NaN, so a missing figure shows as such). */
export function round(value: number, digits = 2): number {
  const scale = 10 ** digits
  return Math.round(value * scale) / scale
}

/**
 * Runs `a` and `b` alternately, `rounds` times each (A B A B …, starting with B every other
 * round so neither side always runs first), after `warmup` unrecorded pairs.
 */
export async function interleave<A, B>(
  rounds: number,
  a: (round: number) => Promise<A>,
  b: (round: number) => Promise<B>,
  warmup = 1,
): Promise<{ a: A[]; b: B[] }> {
  const result: { a: A[]; b: B[] } = { a: [], b: [] }
  for (let round = -warmup; round < rounds; round++) {
    let x: A
    let y: B
    if (round % 2 === 0) {
      x = await a(round)
      y = await b(round)
    } else {
      y = await b(round)
      x = await a(round)
    }
    if (round < 0) continue
    result.a.push(x)
    result.b.push(y)
  }
  return result
}

/** Ratio of two medians. */
export function ratioOfMedians(a: readonly number[], b: readonly number[]): number {
  return median(a) / median(b)
}

/** Resident memory of a process in bytes (Linux /proc), or NaN where unknown. */
export async function rssBytes(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises')
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '')
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status)
  return match?.[1] ? Number(match[1]) * 1024 : Number.NaN
}

/** The child process ids of a process (Linux), to find the engine under `quire serve`. */
export async function childPids(pid: number): Promise<number[]> {
  const { readFile } = await import('node:fs/promises')
  const text = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '')
  return text.trim().split(/\s+/).filter(Boolean).map(Number)
}

/** CPU time a process has used so far, user and system, in ms (Linux /proc), or NaN where unknown. */
export async function cpuMs(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises')
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')
  // The fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const [utime, stime] = [Number(fields[11]), Number(fields[12])]
  // Clock ticks of 1/100 s: USER_HZ on every Linux this runs on.
  return fields.length > 12 ? (utime + stime) * 10 : Number.NaN
}
