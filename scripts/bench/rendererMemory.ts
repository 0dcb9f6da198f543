// Section 5, the renderer: its JavaScript heap (after a full collection) before and after 500
// suggestions, every other one accepted and the rest rejected, as a writer would in a long session.
// V8's heap usage also counts compiled code (which grows while the JIT optimises the loop) and the
// browser's bounded performance-entry buffers, so the page's own objects are also counted from
// heap snapshots: a leak shows there, as objects by constructor.
import type { OpenedDocument } from '../../src/shared/documents'
import { TINY_MODEL_PATH } from '../../test/fixtures/paths'
import { launchBenchChromium } from './chromium'
import { grownConstructors, heapObjects } from './heapSnapshot'
import { openPage, prose } from './editorPage'
import { round } from './measure'
import { startBenchServe } from './quireAction'
import type { BenchContext, SectionResult } from './types'

const SUGGESTIONS = 500
const WARM = 20

// Runs `count` suggestions inside the page (no round trip per key): select the last paragraph,
// Mod+Alt+J, wait for the card to finish, then Accept or Reject it (`accept`: 'all', 'none' or
// 'odd').
const CYCLES = (count: number, offset: number, accept: 'all' | 'none' | 'odd') => `(async () => {
  const root = document.querySelector('[data-testid="editor"]')
  const card = () => document.querySelector('[data-testid="suggestion"]')
  const until = (check, what) => new Promise((resolve, reject) => {
    const started = performance.now()
    const poll = () => {
      const found = check()
      if (found) return resolve(found)
      if (performance.now() - started > 60000) return reject(new Error('timed out: ' + what))
      setTimeout(poll, 2)
    }
    poll()
  })
  const outcome = { accepted: 0, rejected: 0, errors: 0 }
  for (let i = ${offset}; i < ${offset} + ${count}; i++) {
    window.quireProbe.selectParagraph(-1)
    await until(() => document.querySelector('[data-testid="ai-toolbar"]'), 'the toolbar')
    const key = { key: 'j', code: 'KeyJ', ctrlKey: true, altKey: true, bubbles: true, cancelable: true }
    root.dispatchEvent(new KeyboardEvent('keydown', key))
    root.dispatchEvent(new KeyboardEvent('keyup', key))
    const shown = await until(() => {
      const c = card()
      const phase = c && c.getAttribute('data-phase')
      return phase === 'done' || phase === 'error' ? c : null
    }, 'the answer ' + i)
    const accept = document.querySelector('[data-testid="suggestion-accept"]')
    if (shown.getAttribute('data-phase') === 'error') outcome.errors++
    if (${accept === 'all' ? 'true' : accept === 'none' ? 'false' : 'i % 2 === 1'} && accept && !accept.disabled) {
      accept.click()
      outcome.accepted++
    } else {
      document.querySelector('[data-testid="suggestion-reject"]').click()
      outcome.rejected++
    }
    await until(() => !card(), 'the card to close')
  }
  return outcome
})()`

/** The renderer heap after 20 and after 500 suggestions. */
export async function rendererMemory(bench: BenchContext): Promise<SectionResult> {
  // The generated tiny model answers in milliseconds, so 500 suggestions take little time.
  const model = bench.realModel ? bench.model : TINY_MODEL_PATH
  const { serve, client } = await startBenchServe(model, bench.threads)
  const browser = await launchBenchChromium()
  try {
    const doc = await client.call<OpenedDocument>('createDocument', {
      text: prose('Heap', 4_000),
    })
    const page = await openPage(browser, serve.url, doc.path)
    const cdp = await page.page.context().newCDPSession(page.page)
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage')
      return (await cdp.send('Runtime.getHeapUsage')).usedSize
    }
    type Outcome = { accepted: number; rejected: number; errors: number }
    // Warm up, then the rejected half (nothing should stay), then the accepted half (each one is
    // an undo step the editor keeps).
    await page.page.evaluate(CYCLES(WARM, 0, 'odd'))
    const warm = await heap()
    const warmObjects = await heapObjects(cdp)
    const half = (SUGGESTIONS - WARM) / 2
    // The rejected half in two quarters: whether the page's objects go on growing in the second
    // quarter as in the first tells a leak (steady growth) from state that levels off.
    const firstRejected = (await page.page.evaluate(CYCLES(half / 2, WARM, 'none'))) as Outcome
    const quarterObjects = await heapObjects(cdp)
    const laterRejected = (await page.page.evaluate(
      CYCLES(half / 2, WARM + half / 2, 'none'),
    )) as Outcome
    const rejected = {
      accepted: firstRejected.accepted + laterRejected.accepted,
      rejected: firstRejected.rejected + laterRejected.rejected,
      errors: firstRejected.errors + laterRejected.errors,
    }
    const afterRejected = await heap()
    const rejectedObjects = await heapObjects(cdp)
    const accepted = (await page.page.evaluate(CYCLES(half, WARM + half, 'all'))) as Outcome
    const after = await heap()
    const afterObjects = await heapObjects(cdp)
    await page.close()
    const outcome = {
      accepted: rejected.accepted + accepted.accepted,
      rejected: rejected.rejected + accepted.rejected,
      errors: rejected.errors + accepted.errors,
    }
    const mb = (bytes: number) => round(bytes / 1024 / 1024, 2)
    const growth = after / warm - 1
    const rejectGrowth = afterRejected / warm - 1
    const kb = (bytes: number) => round(bytes / 1024, 0)
    const signed = (value: number) => (value >= 0 ? `+${value}` : `${value}`)
    const objectGrowth = rejectedObjects.bytes / warmObjects.bytes - 1
    const perRejected = (rejectedObjects.bytes - warmObjects.bytes) / Math.max(1, rejected.rejected)
    const perFirst =
      (quarterObjects.bytes - warmObjects.bytes) / Math.max(1, firstRejected.rejected)
    const perLater =
      (rejectedObjects.bytes - quarterObjects.bytes) / Math.max(1, laterRejected.rejected)
    return {
      figures: {
        rendererHeapWarmMb: mb(warm),
        rendererHeapAfterRejectedMb: mb(afterRejected),
        rendererHeapAfterMb: mb(after),
        rendererHeapGrowthRejected: round(rejectGrowth, 4),
        rendererHeapGrowth: round(growth, 4),
        rendererObjectsWarmKb: kb(warmObjects.bytes),
        rendererObjectsAfterRejectedKb: kb(rejectedObjects.bytes),
        rendererObjectsAfterKb: kb(afterObjects.bytes),
        rendererObjectsGrowthRejected: round(objectGrowth, 4),
        rendererObjectBytesPerRejected: round(perRejected, 0),
        rendererObjectBytesPerRejectedFirstQuarter: round(perFirst, 0),
        rendererObjectBytesPerRejectedSecondQuarter: round(perLater, 0),
        rendererObjectsGrownRejected: JSON.stringify(
          grownConstructors(warmObjects, rejectedObjects),
        ),
        rendererObjectsGrownAccepted: JSON.stringify(
          grownConstructors(rejectedObjects, afterObjects),
        ),
        accepted: outcome.accepted,
        rejected: outcome.rejected,
        errors: outcome.errors,
      },
      rows: [
        {
          measure: `Renderer heap after ${WARM} → +${rejected.rejected} rejected → +${accepted.accepted} accepted suggestions`,
          value: `${mb(warm)} → ${mb(afterRejected)} (${round(rejectGrowth * 100, 1)}%) → ${mb(after)} MB (${round(growth * 100, 1)}% in all)`,
          target: '< 5% growth over the rejected ones',
          met: rejectGrowth < 0.05 && outcome.errors === 0,
        },
        {
          measure: `Renderer JS objects (heap snapshot, no code) after ${WARM} → +${rejected.rejected} rejected → +${accepted.accepted} accepted`,
          value: `${kb(warmObjects.bytes)} → ${kb(rejectedObjects.bytes)} KB (${signed(round(objectGrowth * 100, 2))}%, ${round(perRejected, 0)} B each) → ${kb(afterObjects.bytes)} KB`,
          target: '< 1% growth over the rejected ones',
          met: objectGrowth < 0.01 && outcome.errors === 0,
        },
        {
          measure: `Renderer JS objects per rejected suggestion: first ${firstRejected.rejected} → next ${laterRejected.rejected}`,
          value: `${signed(round(perFirst, 0))} → ${signed(round(perLater, 0))} B each`,
          target: 'levels off (a leak grows alike in both)',
          met: (perLater <= 0 || perLater < perFirst / 2) && outcome.errors === 0,
        },
      ],
    }
  } finally {
    await browser.close()
    client.close()
    await serve.stop()
  }
}
