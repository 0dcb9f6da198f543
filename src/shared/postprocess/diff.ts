/** One contiguous edit: at `at` (UTF-16 offset in the text before), `removed` became `inserted`. */
export type TextEdit = { at: number; removed: string; inserted: string }

/** Past this many differences an exact diff is not worth its cost; one edit covers the middle. */
const MAX_DIFFERENCES = 600

/**
 * The shortest script of edits (Myers' O(ND) diff) between two code-point arrays, as a list
 * of kept/removed/inserted runs, or null when they differ by more than `MAX_DIFFERENCES`.
 */
function myers(a: string[], b: string[]): Array<'=' | '-' | '+'> | null {
  const n = a.length
  const m = b.length
  const max = Math.min(n + m, MAX_DIFFERENCES)
  const offset = max + 1
  const v = new Int32Array(2 * max + 3)
  const trace: Int32Array[] = []
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice())
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0))
      let x = down ? (v[offset + k + 1] ?? 0) : (v[offset + k - 1] ?? 0) + 1
      let y = x - k
      while (x < n && y < m && a[x] === b[y]) {
        x++
        y++
      }
      v[offset + k] = x
      if (x >= n && y >= m) return backtrack(trace, offset, n, m, d)
    }
  }
  return null
}

function backtrack(
  trace: Int32Array[],
  offset: number,
  n: number,
  m: number,
  depth: number,
): Array<'=' | '-' | '+'> {
  const ops: Array<'=' | '-' | '+'> = []
  let x = n
  let y = m
  for (let d = depth; d > 0; d--) {
    const v = trace[d] ?? new Int32Array(0)
    const k = x - y
    const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0))
    const prevK = down ? k + 1 : k - 1
    const prevX = v[offset + prevK] ?? 0
    const prevY = prevX - prevK
    while (x > prevX && y > prevY) {
      ops.push('=')
      x--
      y--
    }
    ops.push(down ? '+' : '-')
    x = prevX
    y = prevY
  }
  while (x > 0 && y > 0) {
    ops.push('=')
    x--
    y--
  }
  return ops.reverse()
}

/** The edits that turn `before` into `after`, smallest first by position; [] if equal. */
export function diffEdits(before: string, after: string): TextEdit[] {
  if (before === after) return []
  const a = Array.from(before)
  const b = Array.from(after)
  let prefix = 0
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++
  let suffix = 0
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  )
    suffix++
  const midA = a.slice(prefix, a.length - suffix)
  const midB = b.slice(prefix, b.length - suffix)
  const start = a.slice(0, prefix).join('').length
  const ops = myers(midA, midB)
  if (ops === null) return [{ at: start, removed: midA.join(''), inserted: midB.join('') }]

  const edits: TextEdit[] = []
  let at = start
  let i = 0
  let j = 0
  let current: TextEdit | null = null
  for (const op of ops) {
    if (op === '=') {
      if (current) edits.push(current)
      current = null
      at += (midA[i] ?? '').length
      i++
      j++
      continue
    }
    current ??= { at, removed: '', inserted: '' }
    if (op === '-') {
      current.removed += midA[i] ?? ''
      at += (midA[i] ?? '').length
      i++
    } else {
      current.inserted += midB[j] ?? ''
      j++
    }
  }
  if (current) edits.push(current)
  return edits
}
