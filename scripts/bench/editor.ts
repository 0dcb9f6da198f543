// Section 3: the editor in Chromium with 200,000- and 1,000,000-character documents open, against
// a 2,000-character one: a 2,000-token suggestion streaming (long tasks, frame times), typing
// latency with and without a stream, and opening and saving the 1 MB file.
import type { OpenedDocument } from '../../src/shared/documents'
import { launchBenchChromium } from './chromium'
import { openPage, prose, type BenchPage } from './editorPage'
import { median, percentile, round } from './measure'
import { startBenchServe } from './quireAction'
import type { BenchContext, Row, SectionResult } from './types'

const STREAM_TOKENS = 2_000
const SIZES = [
  ['small', 2_000],
  ['200k', 200_000],
  ['1M', 1_000_000],
] as const
type Size = (typeof SIZES)[number][0]

/** Streams until 2,000 tokens have arrived (a new suggestion when the model stops early), typing 20 keys along the way. */
async function streamAndType(page: BenchPage, tokens: number) {
  const from = page.streamedTokens
  await page.startStream()
  await page.record(true)
  await page.page.waitForTimeout(1_500)
  const latencies = await page.type(20)
  const typedWhileStreaming = (await page.phase()) === 'streaming'
  await page.record(true)
  let frames: number[] = []
  let longTasks: number[] = []
  for (let attempt = 0; page.streamedTokens - from < tokens && attempt < 4; attempt++) {
    await page.page
      .locator(
        '[data-testid="suggestion"]:not([data-phase="streaming"]):not([data-phase="waiting"])',
      )
      .waitFor({ timeout: 600_000 })
    if (page.streamedTokens - from < tokens) {
      await page.page.keyboard.press('Escape')
      await page.startStream()
    }
  }
  const reading = await page.record(false)
  frames = reading.frames
  longTasks = reading.longTasks
  await page.page.keyboard.press('Escape')
  return { latencies, typedWhileStreaming, frames, longTasks, tokens: page.streamedTokens - from }
}

/** Long tasks, frame times and typing latency with big documents, against a small one. */
export async function editorUnderLoad(bench: BenchContext): Promise<SectionResult> {
  const { serve, client } = await startBenchServe(bench.model, bench.threads)
  const browser = await launchBenchChromium()
  try {
    const paths = {} as Record<Size, string>
    for (const [size, chars] of SIZES)
      paths[size] = (
        await client.call<OpenedDocument>('createDocument', { text: prose(`Doc ${size}`, chars) })
      ).path
    const pages = {} as Record<Size, BenchPage>
    for (const [size] of SIZES) pages[size] = await openPage(browser, serve.url, paths[size])

    // Open and save: the 1 MB file against the small one, in the same page, A B A B.
    const opening = { small: [] as number[], large: [] as number[] }
    const saving = { small: [] as number[], large: [] as number[] }
    for (let round = 0; round < 3; round++) {
      opening.large.push(
        await pages['1M'].open(paths.small).then(() => pages['1M'].open(paths['1M'])),
      )
      opening.small.push(await pages['1M'].open(paths.small))
      await pages['1M'].open(paths['1M'])
      saving.large.push(await pages['1M'].save())
      saving.small.push(await pages.small.save())
    }

    // Typing without a stream: bursts of 10 keys, the pages taking turns.
    const typing: Record<Size, number[]> = { small: [], '200k': [], '1M': [] }
    for (let round = 0; round < 4; round++) {
      const order: Size[] = round % 2 === 0 ? ['small', '200k', '1M'] : ['1M', '200k', 'small']
      for (const size of order) typing[size].push(...(await pages[size].type(10)))
    }

    // A 2,000-token stream in each big document (and a shorter one in the small document, for typing).
    const streams = {} as Record<Size, Awaited<ReturnType<typeof streamAndType>>>
    streams.small = await streamAndType(pages.small, 100)
    streams['200k'] = await streamAndType(pages['200k'], STREAM_TOKENS)
    streams['1M'] = await streamAndType(pages['1M'], STREAM_TOKENS)
    for (const size of Object.keys(pages) as Size[]) await pages[size].close()

    const p95 = (values: number[]) => round(percentile(values, 0.95), 1)
    const figures: SectionResult['figures'] = {
      openSmallMs: round(median(opening.small), 0),
      open1MbMs: round(median(opening.large), 0),
      saveSmallMs: round(median(saving.small), 0),
      save1MbMs: round(median(saving.large), 0),
    }
    const rows: Row[] = []
    // Medians beside the p95s: on a shared machine one slow second decides a p95 of 40 keys.
    const p50 = (values: number[]) => round(median(values), 1)
    for (const [size] of SIZES) {
      figures[`typingP95Ms_${size}`] = p95(typing[size])
      figures[`typingP50Ms_${size}`] = p50(typing[size])
      figures[`typingStreamP95Ms_${size}`] = p95(streams[size].latencies)
      figures[`typingStreamP50Ms_${size}`] = p50(streams[size].latencies)
      figures[`typedWhileStreaming_${size}`] = streams[size].typedWhileStreaming
    }
    for (const size of ['200k', '1M'] as const) {
      const stream = streams[size]
      const long = stream.longTasks.filter((duration) => duration > 50)
      figures[`streamTokens_${size}`] = stream.tokens
      figures[`longTasks_${size}`] = long.length
      figures[`longestTaskMs_${size}`] = round(Math.max(0, ...stream.longTasks), 0)
      figures[`longTaskTotalMs_${size}`] = round(
        long.reduce((sum, duration) => sum + duration, 0),
        0,
      )
      figures[`frameP95Ms_${size}`] = p95(stream.frames)
      rows.push({
        measure: `${size} document, ${stream.tokens} tokens streamed: long tasks > 50 ms (p95 frame)`,
        value: `${long.length}${long.length ? ` (longest ${round(Math.max(...long), 0)} ms)` : ''} (p95 frame ${p95(stream.frames)} ms)`,
        target: '0',
        met: long.length === 0,
      })
    }
    const base = p95(typing.small)
    const baseStream = p95(streams.small.latencies)
    for (const size of ['200k', '1M'] as const) {
      const quiet = p95(typing[size])
      const streaming = p95(streams[size].latencies)
      rows.push({
        measure: `Typing keydown → next paint, p95, ${size} vs 2,000-character document: no stream / streaming`,
        value: `${quiet} vs ${base} ms / ${streaming} vs ${baseStream} ms`,
        target: 'within 4 ms',
        met: quiet - base <= 4 && streaming - baseStream <= 4,
      })
    }
    rows.push({
      measure: 'Open / save a 1 MB Markdown file (vs 2,000 characters)',
      value: `${figures.open1MbMs} / ${figures.save1MbMs} ms (${figures.openSmallMs} / ${figures.saveSmallMs} ms)`,
      target: '',
      met: null,
    })
    return { figures, rows }
  } finally {
    await browser.close()
    client.close()
    await serve.stop()
  }
}
