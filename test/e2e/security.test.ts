import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core'
import { launchChromium } from './support/browser'
import { filesIn, openQuire, screenshot, waitForSaveState } from './support/documents'
import { documentText } from './support/editorPage'
import { startQuireServe, type ServeProcess } from '../support/quireServe'

/**
 * Every address a page requests with its Referer, every Set-Cookie it is answered with, every
 * answer that is an error (a missing favicon, say) and every error the console shows.
 */
function recordTraffic(page: Page): {
  requests: string[]
  setCookies: string[]
  failed: string[]
  consoleErrors: string[]
  icons: string[]
} {
  const seen = {
    requests: [] as string[],
    setCookies: [] as string[],
    failed: [] as string[],
    consoleErrors: [] as string[],
    icons: [] as string[],
  }
  page.on('request', (request) => {
    seen.requests.push(`${request.url()} referer=${request.headers()['referer'] ?? ''}`)
  })
  page.on('response', (response) => {
    const cookie = response.headers()['set-cookie']
    if (cookie !== undefined) seen.setCookies.push(cookie)
    if (response.status() >= 400) seen.failed.push(`${response.status()} ${response.url()}`)
    const type = response.headers()['content-type'] ?? ''
    if (type.startsWith('image/')) seen.icons.push(`${response.status()} ${type}`)
  })
  page.on('console', (message) => {
    if (message.type() === 'error') seen.consoleErrors.push(message.text())
  })
  return seen
}

/** An OpenAI-compatible server on 127.0.0.1 that lists one model and notes each Authorization. */
async function modelServer(): Promise<{ base: string; seen: (string | null)[]; server: Server }> {
  const seen: (string | null)[] = []
  const server = createServer((request, response) => {
    seen.push(request.headers.authorization ?? null)
    response.writeHead(200, { 'Content-Type': 'application/json' })
    response.end(JSON.stringify({ object: 'list', data: [{ id: 'm', object: 'model' }] }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server }
}

describe('the access token in the browser', () => {
  let browser: Browser
  let serve: ServeProcess
  let context: BrowserContext
  let trusted: Awaited<ReturnType<typeof modelServer>>
  let other: Awaited<ReturnType<typeof modelServer>>

  beforeAll(async () => {
    ;[trusted, other] = await Promise.all([modelServer(), modelServer()])
    ;[browser, serve] = await Promise.all([
      launchChromium(),
      startQuireServe([], undefined, undefined, {
        QUIRE_REMOTE_API_KEY: 'sk-e2e-for-trusted',
        QUIRE_REMOTE_BASE_URL: trusted.base,
      }),
    ])
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
    await serve?.stop()
    for (const { server } of [trusted, other]) server?.closeAllConnections()
    for (const { server } of [trusted, other]) server?.close()
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
    // The page's own requests (its scripts, styles, the token check) name the token neither in
    // their address nor in their Referer: the fragment never leaves the browser.
    expect(traffic.requests.some((line) => line.includes('/assets/'))).toBe(true)
    expect(traffic.requests.some((line) => line.includes('/token-check'))).toBe(true)
    expect(traffic.requests.filter((line) => line.includes(serve.token))).toEqual([])

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
    // The tab has Quire's icon, and nothing the page asked for was missing or went wrong.
    await expect.poll(() => traffic.icons).toContain('200 image/svg+xml')
    expect(traffic.failed).toEqual([])
    expect(traffic.consoleErrors).toEqual([])
    expect(await context.cookies()).toEqual([])
    expect(traffic.setCookies).toEqual([])
    expect(traffic.requests.filter((line) => line.includes(serve.token))).toEqual([])
  })

  it('says how to open Quire on a page without the token, in English and Chinese, and opens it when the printed address is pasted', async () => {
    const open = async (locale: string) => {
      const bare = await browser.newContext({ viewport: { width: 900, height: 560 }, locale })
      const page = await bare.newPage()
      await page.goto(`${serve.origin}/`)
      const message = page.getByTestId('missing-token')
      await message.waitFor()
      expect(await message.innerText()).toContain(`${serve.origin}/#token=…`)
      expect(await page.getByTestId('editor').count()).toBe(0)
      await screenshot(page, `security-missing-token-${locale.slice(0, 2)}`)
      return { bare, page, text: await message.innerText() }
    }
    const zh = await open('zh-CN')
    expect(zh.text).toMatch(/打开它打印的完整地址/)
    await zh.bare.close()
    const en = await open('en-US')
    expect(en.text).toMatch(/open the whole address it printed/)
    // A token from an earlier run (a tab reloaded after a restart) is refused at once, and forgotten.
    await en.page.goto(`${serve.origin}/#token=from-an-earlier-run`)
    await en.page.locator('[data-testid="missing-token"][data-reason="old-token"]').waitFor()
    expect(await en.page.getByTestId('missing-token').innerText()).toMatch(/earlier run/)
    expect(await en.page.evaluate(() => sessionStorage.length)).toBe(0)
    // Pasting the address into this tab changes only the fragment; Quire loads with it.
    await en.page.goto(serve.url)
    await en.page.locator('[data-testid="editor"][contenteditable="true"]').waitFor()
    expect(en.page.url()).toBe(`${serve.origin}/`)
    await en.bare.close()
  })

  it('says when the tab loses quire serve, comes back by itself, and says to open the printed address once its token is refused', async () => {
    const lost = await browser.newContext({ viewport: { width: 1000, height: 640 } })
    const page = await lost.newPage()
    // The page's socket passes through here: 'down' turns every attempt away, as a stopped server
    // would; 'new-token' does that and has the token check refuse this tab's token too.
    let server: 'up' | 'down' | 'new-token' = 'up'
    const sockets = new Set<WebSocketRoute>()
    await page.routeWebSocket(/\/ws$/, (socket) => {
      if (server !== 'up') return void socket.close({ code: 1006 })
      sockets.add(socket)
      socket.connectToServer()
    })
    await page.route('**/token-check', (route) =>
      server === 'new-token' ? route.fulfill({ status: 401 }) : route.continue(),
    )
    const goAway = async (as: 'down' | 'new-token') => {
      server = as
      for (const socket of sockets) await socket.close({ code: 1006 })
      sockets.clear()
    }
    const engine = page.getByTestId('engine-status')
    await openQuire(page, serve.url)
    await page.getByTestId('doc-new').click()
    await page.locator('[data-testid="doc-item"][data-current]').waitFor()
    await page.getByTestId('editor').click()
    await page.keyboard.type('The tide went out.')
    await waitForSaveState(page, 'saved')
    await page.keyboard.press('Shift+Home')
    await page.getByTestId('ai-toolbar').waitFor()
    expect(await page.getByTestId('toolbar-offline').count()).toBe(0)

    await goAway('down')
    await expect.poll(() => engine.getAttribute('data-state')).toBe('disconnected')
    expect(await page.getByTestId('engine-notice').innerText()).toMatch(/Lost the connection/)
    expect(await page.getByTestId('toolbar-offline').innerText()).toMatch(/Not connected/)

    server = 'up'
    await expect.poll(() => engine.getAttribute('data-state')).not.toBe('disconnected')
    expect(await page.getByTestId('engine-notice').count()).toBe(0)
    expect(await page.getByTestId('toolbar-offline').count()).toBe(0)

    await goAway('new-token')
    await expect
      .poll(() => page.getByTestId('engine-notice').innerText())
      .toMatch(/earlier run of quire serve.*Open Quire from the address quire serve printed/)
    expect(await engine.getAttribute('data-state')).toBe('disconnected')
    expect(await page.getByTestId('toolbar-offline').innerText()).toMatch(/earlier run/)
    await screenshot(page, 'connection-old-token-en')
    await lost.close()
  })

  it('says plainly that the API key stays with its server address when the address changes', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 700 } })
    await openQuire(page, serve.url)
    await page.getByTestId('open-settings').click()
    await page.getByTestId('setting-backend').getByText('A server').click()
    await page.getByTestId('setting-remote-url').fill(trusted.base)
    await page.getByTestId('settings-save').click()
    await page.getByTestId('settings-saved').waitFor()
    await expect
      .poll(() => page.getByTestId('remote-key-status').innerText())
      .toMatch(/QUIRE_REMOTE_API_KEY/)
    expect(trusted.seen).toContain('Bearer sk-e2e-for-trusted')

    // Typing another address: before saving, the field says the key will not follow.
    await page.getByTestId('setting-remote-url').fill(other.base)
    const warning = page.getByTestId('remote-key-warning')
    await expect.poll(() => warning.getAttribute('data-kind')).toBe('addressChanging')
    expect(await warning.innerText()).toContain(trusted.base)
    await page.getByTestId('settings-save').click()
    await page.getByTestId('settings-saved').waitFor()
    await expect.poll(() => warning.getAttribute('data-kind')).toBe('environmentForOther')
    expect(await warning.innerText()).toMatch(/does not send it to this address/)
    await page.getByTestId('setting-remote-key').scrollIntoViewIfNeeded()
    await screenshot(page, 'security-key-bound-en')
    expect(other.seen.length).toBeGreaterThan(0)
    expect(other.seen.filter((authorization) => authorization !== null)).toEqual([])
    await page.close()
  })
})
