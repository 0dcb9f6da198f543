import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from './support/browser'
import { screenshot } from './support/documents'
import { waitForEngineReady } from './support/editorPage'
import { startQuireServe, type ServeProcess } from '../support/quireServe'
import { TINY_MODEL_PATH } from '../fixtures/paths'

/** A stand-in for a Hugging Face mirror: records what it is asked for and has no files. */
async function emptyMirror(): Promise<{ url: string; asked: string[]; server: Server }> {
  const asked: string[] = []
  const server = createServer((req, res) => {
    asked.push(req.url ?? '')
    res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, asked, server }
}

const htmlAttribute = (page: Page, name: string) =>
  page.evaluate((attribute) => document.documentElement.getAttribute(attribute), name)

async function closePanels(page: Page): Promise<void> {
  for (const name of ['settings', 'models'])
    if ((await page.getByTestId(`${name}-panel`).count()) > 0)
      await page.getByTestId(`${name}-panel-close`).click()
}

async function openPanel(page: Page, name: 'settings' | 'models'): Promise<void> {
  if ((await page.getByTestId(`${name}-panel`).count()) === 0) {
    await closePanels(page)
    await page.getByTestId(`open-${name}`).click()
  }
  await page.getByTestId(`${name}-panel`).waitFor()
}

describe('Quire in Chinese, in light and dark, against quire serve', () => {
  let serve: ServeProcess
  let browser: Browser
  let page: Page
  let mirror: Awaited<ReturnType<typeof emptyMirror>>

  beforeAll(async () => {
    ;[serve, browser, mirror] = await Promise.all([
      startQuireServe(['--model', TINY_MODEL_PATH]),
      launchChromium(),
      emptyMirror(),
    ])
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'en-US',
    })
    page = await context.newPage()
    await page.goto(serve.url)
    await waitForEngineReady(page)
  })
  afterAll(async () => {
    await browser?.close()
    mirror?.server.close()
    await serve?.stop()
  })

  it('switches the interface to Chinese, keeps it in the settings, and says host errors in Chinese', async () => {
    expect(await htmlAttribute(page, 'lang')).toBe('en')
    await openPanel(page, 'settings')
    await page.getByTestId('ui-language').selectOption('zh')
    await expect.poll(() => htmlAttribute(page, 'lang')).toBe('zh-CN')
    expect(await page.getByTestId('open-settings').innerText()).toBe('设置')
    await expect
      .poll(async () => {
        const file = await readFile(join(serve.dataDir, 'settings.json'), 'utf8').catch(() => '{}')
        return (JSON.parse(file) as { appearance?: { uiLanguage?: string } }).appearance?.uiLanguage
      })
      .toBe('zh')

    // The mirror set in Models is where an hf: download goes; its 404 comes back in Chinese.
    await openPanel(page, 'models')
    await page.getByTestId('models-endpoint').fill(mirror.url)
    await page.getByTestId('models-endpoint-save').click()
    await page.getByTestId('models-endpoint-saved').waitFor()
    await page.getByTestId('models-link').locator('summary').click()
    await page.getByTestId('download-uri').fill('hf:quire-test/tiny/tiny-qwen3.gguf')
    await page.getByTestId('download-uri-go').click()
    const error = page.getByTestId('models-link').getByTestId('model-error')
    await error.waitFor({ timeout: 30_000 })
    expect(mirror.asked).toContain('/quire-test/tiny/resolve/main/tiny-qwen3.gguf')
    const words = await error.innerText()
    expect(words).toContain('服务器上没有')
    expect(words).not.toMatch(/The server has no file/)
  })

  it('flags a bad number in Settings while it is typed, before Save', async () => {
    await openPanel(page, 'settings')
    const contextSize = page.getByTestId('setting-context-size')
    await contextSize.fill('12')
    const error = page.getByTestId('setting-context-size-error')
    await error.waitFor()
    expect(await error.innerText()).toMatch(/512/)
    expect(await contextSize.getAttribute('aria-invalid')).toBe('true')
    await contextSize.fill('4096')
    await expect.poll(() => error.count()).toBe(0)
  })

  it('switches between light and dark themes', async () => {
    await openPanel(page, 'settings')
    const paper = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor)
    await page.getByTestId('ui-theme').selectOption('light')
    await expect.poll(() => htmlAttribute(page, 'data-theme')).toBe('light')
    const light = await paper()
    await page.getByTestId('ui-theme').selectOption('dark')
    await expect.poll(() => htmlAttribute(page, 'data-theme')).toBe('dark')
    expect(await paper()).not.toBe(light)
  })

  it('turns a full-width ＃ typed at a line start into a heading', async () => {
    await closePanels(page)
    await page.getByTestId('editor').click()
    await page.keyboard.press('End')
    await page.keyboard.press('Enter')
    await page.keyboard.type('＃ 第一章')
    await page.getByTestId('editor').locator('h1', { hasText: '第一章' }).waitFor()
    await page.keyboard.press('Enter')
    await page.keyboard.type('1。 第一条')
    await page.getByTestId('editor').locator('ol li', { hasText: '第一条' }).waitFor()
  })

  it('takes the screenshots of the desk and Settings', async () => {
    await page.getByTestId('editor').click()
    await page.keyboard.type('春天的早晨，窗外的鸟叫声把我叫醒。')
    for (const language of ['en', 'zh'] as const)
      for (const theme of ['light', 'dark'] as const) {
        await openPanel(page, 'settings')
        await page.getByTestId('ui-language').selectOption(language)
        await page.getByTestId('ui-theme').selectOption(theme)
        for (const [width, height] of [
          [1280, 800],
          [900, 700],
        ] as const) {
          await page.setViewportSize({ width, height })
          const name = `${language}-${theme}-${width}`
          await screenshot(page, `settings-${name}`)
          await closePanels(page)
          await screenshot(page, `desk-${name}`)
          await openPanel(page, 'settings')
        }
      }
    await closePanels(page)
  })
})
