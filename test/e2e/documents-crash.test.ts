import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromium, type Browser, type BrowserServer, type Page } from 'playwright-core'
import { launchChromium } from './support/browser'
import { documentText, focusEditor } from './support/editorPage'
import { freePort, openQuire, screenshot, waitForSaveState } from './support/documents'
import { startQuireServe, type ServeProcess } from '../support/quireServe'

/** The README's promise: a crash loses at most the last second of typing. */
const MAX_LOSS_MS = 1_000

/** Words to type; distinct enough that a recovered prefix is unambiguous. */
const WORDS = 'the river ran on under the lamps and the boats came home late '.repeat(8)

type Typing = { typed: string; stamps: number[]; killedAt: number }

/**
 * Types `WORDS` one key at a time (starting over when they run out, as a fast machine types them
 * all before the kill), noting when each key landed, until `kill` runs at a random moment between
 * `fromMs` and `toMs` after the first key.
 */
async function typeUntilKilled(
  page: Page,
  kill: () => void,
  fromMs: number,
  toMs: number,
): Promise<Typing> {
  const stamps: number[] = []
  let killedAt = 0
  const timer = setTimeout(
    () => {
      killedAt = Date.now()
      kill()
    },
    fromMs + Math.random() * (toMs - fromMs),
  )
  let typed = ''
  let inFlight = ''
  const giveUpAt = Date.now() + toMs + 30_000
  try {
    for (let i = 0; !killedAt && Date.now() < giveUpAt; i++) {
      const char = WORDS[i % WORDS.length] ?? ' '
      inFlight = char
      await page.keyboard.type(char)
      stamps.push(Date.now())
      typed += char
      inFlight = ''
    }
  } catch {
    // The browser was killed under the keyboard: the key may have landed or not. Count it as
    // typed at the moment of the kill, so losing it costs nothing and keeping it is no surprise.
    if (inFlight) {
      typed += inFlight
      stamps.push(killedAt || Date.now())
    }
  } finally {
    clearTimeout(timer)
  }
  if (!killedAt) throw new Error('the kill never came while typing')
  return { typed, stamps, killedAt }
}

const report: string[] = []

/** How long before the kill the first lost key was typed (0 when nothing was lost). */
function lossWindow({ typed, stamps, killedAt }: Typing, recovered: string): number {
  expect(typed.startsWith(recovered), `recovered "${recovered}" is what was typed`).toBe(true)
  const firstLost = stamps[recovered.length]
  const window = firstLost === undefined ? 0 : killedAt - firstLost
  const perSecond = (typed.length * 1000) / Math.max(1, (stamps.at(-1) ?? 0) - (stamps[0] ?? 0))
  report.push(
    `${window} ms (${typed.length - recovered.length} of ${typed.length} keys, ${perSecond.toFixed(0)} keys/s)`,
  )
  return window
}

describe('hot exit: a crash loses at most the last second', () => {
  let browser: Browser
  let serve: ServeProcess
  let port: number
  const windows: number[] = []

  beforeAll(async () => {
    port = await freePort()
    ;[browser, serve] = await Promise.all([
      launchChromium(),
      startQuireServe(['--port', String(port)]),
    ])
  })
  afterAll(async () => {
    console.log(`hot exit, typing lost before each kill: ${report.join('; ')}`)
    await browser?.close()
    await serve?.stop()
  })

  it('recovers the text when the server is killed (SIGKILL) at random moments while typing', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 760 } })
    const page = await context.newPage()
    await openQuire(page, serve.url)
    await page.getByTestId('doc-new').click()
    await page.locator('[data-testid="doc-item"][data-current]').waitFor()
    await page.getByTestId('editor').click()
    let before = ''
    for (let round = 0; round < 2; round++) {
      const typing = await typeUntilKilled(page, () => serve.child.kill('SIGKILL'), 1_500, 3_500)
      // The page must not send anything once the server is gone (it would hide a loss).
      await page.goto('about:blank')
      serve = await startQuireServe(['--port', String(port)], serve.dataDir, serve.docsDir)
      await openQuire(page, serve.url)
      const text = await documentText(page)
      expect(text.startsWith(before)).toBe(true)
      windows.push(lossWindow(typing, text.slice(before.length)))
      expect(windows.at(-1)).toBeLessThanOrEqual(MAX_LOSS_MS)
      if (await page.getByTestId('recovered-keep').isVisible()) {
        if (round === 0) {
          await expect
            .poll(() => page.getByTestId('word-count').getAttribute('data-words'))
            .not.toBe('0')
          await screenshot(page, 'documents-recovered')
        }
        await page.getByTestId('recovered-keep').click()
      }
      await waitForSaveState(page, 'saved')
      before = await documentText(page)
      await page.getByTestId('editor').click()
      await page.keyboard.press('Control+End')
    }
    await context.close()
  })

  it('recovers the text when the browser is killed (SIGKILL) while typing', async () => {
    const server: BrowserServer = await chromium.launchServer({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-quic'],
    })
    const doomed = await chromium.connect(server.wsEndpoint())
    const page = await doomed.newPage({ viewport: { width: 1200, height: 760 } })
    await openQuire(page, serve.url)
    await page.getByTestId('doc-new').click()
    await page.locator('[data-testid="doc-item"][data-current]').waitFor()
    // Keys typed while the new document still opens (the editor read-only) would not be text.
    await focusEditor(page)
    const typing = await typeUntilKilled(page, () => server.process().kill('SIGKILL'), 1_200, 3_000)
    await doomed.close().catch(() => {})

    const context = await browser.newContext({ viewport: { width: 1200, height: 760 } })
    const fresh = await context.newPage()
    await openQuire(fresh, serve.url)
    // A fresh browser opens the newest document: the one typed in. It comes back as recovered,
    // or as saved when a pause in typing (a busy machine) let it save before the kill.
    await fresh
      .locator('[data-testid="save-state"]:is([data-state="recovered"], [data-state="saved"])')
      .waitFor()
    await expect.poll(() => documentText(fresh)).not.toBe('')
    windows.push(lossWindow(typing, await documentText(fresh)))
    expect(windows.at(-1)).toBeLessThanOrEqual(MAX_LOSS_MS)
    await context.close()
  })
})
