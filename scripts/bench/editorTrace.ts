// By hand: why does a keystroke (or a streamed frame) cost more in a big document? Opens a
// document of `--chars` characters, records Chromium's trace (devtools.timeline with
// invalidation tracking) while typing and, with `--stream`, while a suggestion streams, and
// prints what the renderer did: style recalcs and how many elements each touched, layouts and
// their dirty objects, paint, and the invalidations that caused them, with their reasons.
//   TSX_TSCONFIG_PATH=tsconfig.node.json npx tsx scripts/bench/editorTrace.ts --chars 1000000
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import type { OpenedDocument } from '../../src/shared/documents'
import { TINY_QWEN_VOCAB_MODEL_PATH } from '../../test/fixtures/paths'
import { launchBenchChromium } from './chromium'
import { openPage, prose } from './editorPage'
import { startBenchServe } from './quireAction'

type TraceEvent = {
  name: string
  cat: string
  ph: string
  ts: number
  dur?: number
  tid: number
  args?: { data?: Record<string, unknown>; beginData?: Record<string, unknown> } & Record<
    string,
    unknown
  >
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.invalidationTracking',
  'blink',
]

const { values } = parseArgs({
  options: {
    chars: { type: 'string', default: '1000000' },
    keys: { type: 'string', default: '10' },
    stream: { type: 'boolean', default: false },
    /** The paragraph to type at the end of (negative: from the end). */
    paragraph: { type: 'string', default: '0' },
    out: { type: 'string' },
    /** Milliseconds to go on tracing after the keys (a stream's frames). */
    wait: { type: 'string', default: '0' },
    /** Also a JavaScript CPU profile: the functions that took longest, by self time. */
    profile: { type: 'boolean', default: false },
    /** A script the page runs before typing (to try a change without building). */
    eval: { type: 'string' },
  },
})

/** Sums and counts the renderer main thread's events by name; lists invalidation reasons. */
function summarize(events: TraceEvent[]): string {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  const mine = events.filter((e) => !main || e.tid === main.tid)
  const totals = new Map<string, { count: number; ms: number }>()
  for (const event of mine) {
    if (event.ph !== 'X' || event.dur === undefined) continue
    const entry = totals.get(event.name) ?? { count: 0, ms: 0 }
    entry.count++
    entry.ms += event.dur / 1000
    totals.set(event.name, entry)
  }
  const lines = [...totals]
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, 25)
    .map(
      ([name, { count, ms }]) =>
        `${name.padEnd(40)} ${String(count).padStart(5)} ${ms.toFixed(1)} ms`,
    )
  const styles = mine.filter((e) => e.name === 'UpdateLayoutTree' && e.ph === 'X')
  lines.push(
    '',
    'UpdateLayoutTree elementCount: ' +
      styles
        .map((e) => `${String(e.args?.elementCount ?? '?')}/${((e.dur ?? 0) / 1000).toFixed(1)}`)
        .join(' '),
  )
  const layouts = mine.filter((e) => e.name === 'Layout' && e.ph === 'X')
  lines.push(
    'Layout dirty/total: ' +
      layouts
        .map((e) => {
          const data = e.args?.beginData as
            { dirtyObjects?: number; totalObjects?: number } | undefined
          return `${data?.dirtyObjects ?? '?'}/${data?.totalObjects ?? '?'}/${((e.dur ?? 0) / 1000).toFixed(1)}`
        })
        .join(' '),
  )
  const reasons = new Map<string, number>()
  for (const event of mine) {
    if (!event.name.includes('Invalidation')) continue
    const data = (event.args?.data ?? {}) as Record<string, unknown>
    const key = `${event.name} ${String(data.reason ?? data.changedAttribute ?? data.changedClass ?? data.changedPseudo ?? data.changedId ?? '')} ${String(data.nodeName ?? '')}`
    reasons.set(key, (reasons.get(key) ?? 0) + 1)
  }
  lines.push(
    '',
    'Invalidations:',
    ...[...reasons]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 30)
      .map(([k, n]) => `  ${n} ${k}`),
  )
  return lines.join('\n')
}

type Profile = {
  nodes: {
    id: number
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  }[]
  samples?: number[]
  timeDeltas?: number[]
}

/** The profile's functions by self time, longest first. */
function selfTimes(profile: Profile): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const totals = new Map<string, number>()
  profile.samples?.forEach((id, index) => {
    const frame = byId.get(id)?.callFrame
    if (!frame) return
    const name = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber}:${frame.columnNumber}`
    totals.set(name, (totals.get(name) ?? 0) + (profile.timeDeltas?.[index] ?? 0) / 1000)
  })
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([name, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${name}`)
    .join('\n')
}

async function main() {
  const chars = Number(values.chars)
  const { serve, client } = await startBenchServe(TINY_QWEN_VOCAB_MODEL_PATH, 1)
  const browser = await launchBenchChromium()
  try {
    const doc = await client.call<OpenedDocument>('createDocument', { text: prose('Trace', chars) })
    const bench = await openPage(browser, serve.url, doc.path)
    const cdp = await bench.page.context().newCDPSession(bench.page)
    const events: TraceEvent[] = []
    cdp.on('Tracing.dataCollected', ({ value }) =>
      events.push(...(value as unknown as TraceEvent[])),
    )
    const done = new Promise<void>((resolve) =>
      cdp.once('Tracing.tracingComplete', () => resolve()),
    )
    if (values.eval) console.log('eval:', await bench.page.evaluate(values.eval))
    if (values.stream) await bench.startStream()
    await cdp.send('Tracing.start', {
      traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
      transferMode: 'ReportEvents',
    })
    if (values.profile) {
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
      await cdp.send('Profiler.start')
    }
    const latencies = await bench.type(Number(values.keys), Number(values.paragraph))
    await bench.page.waitForTimeout(Number(values.wait))
    if (values.profile) console.log(selfTimes((await cdp.send('Profiler.stop')).profile))
    await cdp.send('Tracing.end')
    await done
    console.log(`keydown → paint: ${latencies.map((l) => l.toFixed(0)).join(' ')} ms`)
    console.log(summarize(events))
    if (values.out) writeFileSync(values.out, JSON.stringify({ traceEvents: events }))
    await bench.close()
  } finally {
    await browser.close()
    client.close()
    await serve.stop()
  }
}

await main()
