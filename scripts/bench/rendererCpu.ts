import type { Page } from 'playwright-core'

type TraceEvent = {
  name: string
  ph: string
  pid: number
  tid: number
  tdur?: number
  args?: { name?: string }
}

/**
 * Runs `work` while Chromium traces, and resolves with the CPU time the busiest renderer main
 * thread spent in tasks (ms, from the trace's thread times). CPU time, unlike wall time, does
 * not grow when a shared machine's other work takes the core away.
 */
export async function rendererCpuMs(page: Page, work: () => Promise<void>): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  const events: TraceEvent[] = []
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])))
  const complete = new Promise<void>((resolve) =>
    cdp.once('Tracing.tracingComplete', () => resolve()),
  )
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['disabled-by-default-devtools.timeline'] },
    transferMode: 'ReportEvents',
  })
  await work()
  await cdp.send('Tracing.end')
  await complete
  await cdp.detach()
  const mains = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  )
  const perThread = new Map<string, number>()
  for (const event of events) {
    const thread = `${event.pid}:${event.tid}`
    if (event.name !== 'RunTask' || event.ph !== 'X' || !mains.has(thread)) continue
    perThread.set(thread, (perThread.get(thread) ?? 0) + (event.tdur ?? 0) / 1000)
  }
  return Math.max(0, ...perThread.values())
}
