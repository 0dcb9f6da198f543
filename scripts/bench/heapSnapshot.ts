// The renderer's JavaScript objects, counted from a heap snapshot: what the page's own code keeps
// alive, apart from the compiled code and the browser's bounded buffers (layout-shift and
// long-task entries) that V8's heap-usage figure also holds.
import type { CDPSession } from 'playwright-core'

/** Bytes and counts of the page's JavaScript objects, by constructor. */
export type HeapObjects = { bytes: number; count: number; byConstructor: Map<string, number> }

type Snapshot = {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } }
  nodes: number[]
  strings: string[]
}

/** Node types that are the program's data (not code, not the browser's native objects). */
const DATA_TYPES = new Set([
  'object',
  'closure',
  'array',
  'string',
  'concatenated string',
  'sliced string',
  'regexp',
  'number',
  'bigint',
  'symbol',
])

/** Collects garbage, then sums the JavaScript objects a heap snapshot holds. */
export async function heapObjects(cdp: CDPSession): Promise<HeapObjects> {
  await cdp.send('HeapProfiler.enable')
  await cdp.send('HeapProfiler.collectGarbage')
  const chunks: string[] = []
  const collect = ({ chunk }: { chunk: string }) => void chunks.push(chunk)
  cdp.on('HeapProfiler.addHeapSnapshotChunk', collect)
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', collect)
  }
  const snapshot = JSON.parse(chunks.join('')) as Snapshot
  const fields = snapshot.snapshot.meta.node_fields
  const types = snapshot.snapshot.meta.node_types[0]
  const [type, name, size] = ['type', 'name', 'self_size'].map((field) => fields.indexOf(field))
  const byConstructor = new Map<string, number>()
  let bytes = 0
  let count = 0
  for (let at = 0; at < snapshot.nodes.length; at += fields.length) {
    const kind = types[snapshot.nodes[at + type!]!] ?? ''
    if (!DATA_TYPES.has(kind)) continue
    bytes += snapshot.nodes[at + size!]!
    count++
    const label =
      kind === 'object' || kind === 'closure'
        ? (snapshot.strings[snapshot.nodes[at + name!]!] ?? '')
        : kind
    byConstructor.set(label, (byConstructor.get(label) ?? 0) + 1)
  }
  return { bytes, count, byConstructor }
}

/** The constructors whose objects grew the most from `before` to `after`, with the growth. */
export function grownConstructors(
  before: HeapObjects,
  after: HeapObjects,
  top = 8,
): Record<string, number> {
  const grown: [string, number][] = []
  for (const [label, count] of after.byConstructor) {
    const growth = count - (before.byConstructor.get(label) ?? 0)
    if (growth > 0) grown.push([label.slice(0, 60), growth])
  }
  grown.sort((a, b) => b[1] - a[1])
  return Object.fromEntries(grown.slice(0, top))
}
