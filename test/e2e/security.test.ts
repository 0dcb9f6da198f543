import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchChromium } from './support/browser'
import { filesIn, openQuire, screenshot, waitForSaveState } from './support/documents'
import { documentText } from './support/editorPage'
import { startQuireServe, type ServeProcess } from '../support/quireServe'

/** Every request header a page sends, and every Set-Cookie it is answered with. */
function recordTraffic(page: Page): { referers: string[]; setCookies: string[] } {
  const seen = { referers: [] as string[], setCookies: [] as string[] }
  page.on('request', (request) => {
    const referer = request.headers()['referer']
    if (referer !== undefined) seen.referers.push(referer)
  })
  page.on('response', (response) => {
    const cookie = response.headers()['set-cookie']
    if (cookie !== undefined) seen.setCookies.push(cookie)
  })
  return seen
}

describe('the access token in the browser', () => {
  let browser: Browser
  let serve: ServeProcess
  let context: BrowserContext

  beforeAll(async () => {
    ;[browser, serve] = await Promise.all([launchChromium(), startQuireServe([])])
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
    await serve?.stop()
  })

  it('opens from the printed address, then keeps the token out of the address, cookies and Referer, and survives a reload', async () => {
    expect(serve.url).toBe(`${serve.origin}/#token=${serve.token}`)
    context = await browser.newContext({ viewport: { width: 1000, height: 700 } })
    const page = await context.newPage()
    const traffic = recordTraffic(page)
    await openQuire(page, serve.url)

    // The editor works: what the writer types reaches the host over the socket and is saved.
    await page.getByTestId('doc-new').click()
    await page.locator('[data-testid="doc-item"][data-current]').waitFor()
    await page.getByTestId('editor').click()
    await page.keyboard.type('Only this tab holds the key.')
    await waitForSaveState(page, 'saved')
    await expect
      .poll(() => Object.values(filesIn(serve.docsDir)))
      .toEqual(['Only this tab holds the key.\n'])

    expect(page.url()).toBe(`${serve.origin}/`)
    expect(await page.evaluate(() => window.location.href)).not.toContain(serve.token)
    expect(await page.evaluate(() => document.cookie)).toBe('')
    expect(await context.cookies()).toEqual([])
    expect(await context.cookies(serve.origin)).toEqual([])
    expect(traffic.setCookies).toEqual([])
    // The page's own requests (its scripts, styles, fonts) were made; none names the token.
    expect(traffic.referers.filter((referer) => referer.includes(serve.token))).toEqual([])

    await page.reload()
    await page.locator('[data-testid="editor"][contenteditable="true"]').waitFor()
    await expect.poll(() => documentText(page)).toBe('Only this tab holds the key.')
    expect(page.url()).toBe(`${serve.origin}/`)
    await page.getByTestId('editor').click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type(' Still.')
    await waitForSaveState(page, 'saved')
    await expect
      .poll(() => Object.values(filesIn(serve.docsDir)))
      .toEqual(['Only this tab holds the key. Still.\n'])
    expect(await context.cookies()).toEqual([])
    expect(traffic.setCookies).toEqual([])
    expect(traffic.referers.filter((referer) => referer.includes(serve.token))).toEqual([])
  })

  it.each([
    ['en-US', /open the whole address it printed/],
    ['zh-CN', /打开它打印的完整地址/],
  ])(
    'says how to open Quire on a page without the token (%s), and opens it when the printed address is pasted',
    async (locale, howTo) => {
      const bare = await browser.newContext({ viewport: { width: 900, height: 560 }, locale })
      try {
        const page = await bare.newPage()
        await page.goto(`${serve.origin}/`)
        const message = page.getByTestId('missing-token')
        await message.waitFor()
        expect(await message.innerText()).toMatch(howTo)
        expect(await message.innerText()).toContain(`${serve.origin}/#token=…`)
        expect(await page.getByTestId('editor').count()).toBe(0)
        await screenshot(page, `security-missing-token-${locale.slice(0, 2)}`)

        // Pasting the address into this tab changes only the fragment; Quire loads with it.
        await page.goto(serve.url)
        await page.locator('[data-testid="editor"][contenteditable="true"]').waitFor()
        expect(page.url()).toBe(`${serve.origin}/`)
      } finally {
        await bare.close()
      }
    },
  )
})
