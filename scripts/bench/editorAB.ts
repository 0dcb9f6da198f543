// By hand: one editor change, measured interleaved on a shared machine. Two pages of one
// browser open the same document through one `quire serve`; page B runs with a stylesheet
// added (by default: the blocks' content-visibility taken off, as before it came back). The
// pages take turns: 10 keys typed, then a streaming suggestion: 10 keys typed into the document
// while it streams, then a few seconds of its frames. Prints each side's typing latency (p50/p95), frame p95 and long
// tasks while streaming, and the renderer main thread's CPU time per key and per second of a
// stream (from Chromium's trace: a busy machine stretches wall times, not CPU times).
//   TSX_TSCONFIG_PATH=tsconfig.node.json npx tsx scripts/bench/editorAB.ts --chars 1000000
import { parseArgs } from 'node:util'
import type { OpenedDocument } from '../../src/shared/documents'
import { TINY_QWEN_VOCAB_MODEL_PATH } from '../../test/fixtures/paths'
import { launchBenchChromium } from './chromium'
import { openPage, prose, type BenchPage } from './editorPage'
import { median, percentile, round } from './measure'
import { startBenchServe } from './quireAction'
import { rendererCpuMs } from './rendererCpu'

const KEYS = 10

const { values } = parseArgs({
  options: {
    chars: { type: 'string', default: '1000000' },
    rounds: { type: 'string', default: '4' },
    streamMs: { type: 'string', default: '4000' },
    css: {
      type: 'string',
      default:
        '.editor-input > * { content-visibility: visible !important; contain-intrinsic-size: none !important }',
    },
  },
})

type Side = {
  typing: number[]
  streamTyping: number[]
  frames: number[]
  longTasks: number[]
  /** Renderer main-thread CPU per key typed (no stream), and per second of a stream (ms). */
  cpuPerKey: number[]
  cpuPerStreamSecond: number[]
}

/** Types 10 keys quietly, then streams for a while, typing meanwhile; adds what it saw to `side`. */
async function turn(page: BenchPage, side: Side, streamMs: number): Promise<void> {
  let typing: number[] = []
  const typingCpu = await rendererCpuMs(page.page, async () => {
    typing = await page.type(KEYS)
  })
  side.typing.push(...typing)
  side.cpuPerKey.push(typingCpu / KEYS)
  await page.startStream()
  const typed = await page.type(KEYS)
  await page.record(true)
  side.cpuPerStreamSecond.push(
    (await rendererCpuMs(page.page, () => page.page.waitForTimeout(streamMs))) / (streamMs / 1000),
  )
  const reading = await page.record(false)
  side.streamTyping.push(...typed)
  side.frames.push(...reading.frames)
  side.longTasks.push(...reading.longTasks)
  // Escape stops a streaming answer, and closes the card once it has stopped.
  const card = page.page.locator('[data-testid="suggestion"]')
  for (let attempt = 0; attempt < 5 && (await card.count()); attempt++) {
    await page.page.keyboard.press('Escape')
    await card.waitFor({ state: 'detached', timeout: 2_000 }).catch(() => undefined)
  }
}

async function main() {
  const { serve, client } = await startBenchServe(TINY_QWEN_VOCAB_MODEL_PATH, 1)
  const browser = await launchBenchChromium()
  try {
    const doc = await client.call<OpenedDocument>('createDocument', {
      text: prose('A/B', Number(values.chars)),
    })
    const a = await openPage(browser, serve.url, doc.path)
    const b = await openPage(browser, serve.url, doc.path)
    // Through the CSS object model: the page's policy refuses an inline <style>.
    await b.page.evaluate(
      `(() => { const sheet = new CSSStyleSheet(); sheet.replaceSync(${JSON.stringify(values.css)}); document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet] })()`,
    )
    const sides = { A: newSide(), B: newSide() }
    for (let round = 0; round < Number(values.rounds); round++) {
      const order = round % 2 === 0 ? (['A', 'B'] as const) : (['B', 'A'] as const)
      for (const name of order)
        await turn(name === 'A' ? a : b, sides[name], Number(values.streamMs))
    }
    for (const [name, side] of Object.entries(sides)) {
      const long = side.longTasks.filter((ms) => ms > 50)
      console.log(
        `${name}: typing p50 ${round(median(side.typing), 1)} p95 ${round(percentile(side.typing, 0.95), 1)} ms;` +
          ` streaming: typing p50 ${round(median(side.streamTyping), 1)} p95 ${round(percentile(side.streamTyping, 0.95), 1)} ms,` +
          ` frame p50 ${round(median(side.frames), 1)} p95 ${round(percentile(side.frames, 0.95), 1)} ms,` +
          ` ${long.length} long tasks (${round(
            long.reduce((sum, ms) => sum + ms, 0),
            0,
          )} ms, longest ${round(Math.max(0, ...side.longTasks), 0)} ms);` +
          ` renderer CPU per key ${round(median(side.cpuPerKey), 1)} ms (${side.cpuPerKey.map((ms) => round(ms, 1)).join(', ')}),` +
          ` per second of a stream ${round(median(side.cpuPerStreamSecond), 0)} ms (${side.cpuPerStreamSecond.map((ms) => round(ms, 0)).join(', ')})`,
      )
    }
    await a.close()
    await b.close()
  } finally {
    await browser.close()
    client.close()
    await serve.stop()
  }
}

function newSide(): Side {
  return {
    typing: [],
    streamTyping: [],
    frames: [],
    longTasks: [],
    cpuPerKey: [],
    cpuPerStreamSecond: [],
  }
}

await main()
