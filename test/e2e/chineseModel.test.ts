import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchChromium, snapshot } from './support/browser'
import { documentText, newDocument, selectText, waitForEngineReady } from './support/editorPage'
import { startQuireServe, type ServeProcess } from '../support/quireServe'
import { TINY_QWEN_VOCAB_MODEL_PATH } from '../fixtures/paths'

// This model uses Qwen's real tokenizer: Chinese characters arrive split across tokens, and
// its answers run long, so streaming can be watched and stopped.
const PASSAGE = '秋天的风吹过老街，我想起了外婆。她总在黄昏时坐在门口剥豆子。'
const SENTENCE = '她总在黄昏时坐在门口剥豆子。'

const card = (page: Page) => page.getByTestId('suggestion')
const phase = (page: Page) => card(page).getAttribute('data-phase')
const cardText = async (page: Page) =>
  (await page.getByTestId('suggestion-text').innerText()).trim()

describe('a real Qwen tokenizer in the browser', () => {
  let serve: ServeProcess
  let browser: Browser
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    serve = await startQuireServe(['--model', TINY_QWEN_VOCAB_MODEL_PATH])
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await serve?.stop()
  })
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1100, height: 800 } })
    page = await context.newPage()
    await page.goto(serve.url)
    await waitForEngineReady(page)
    await newDocument(page)
    await page.keyboard.insertText(PASSAGE)
  })
  afterEach(() => context?.close())

  it('streams the answer piece by piece, then shows the cleaned text with a raw/cleaned toggle', async () => {
    await selectText(page, SENTENCE)
    await page.getByTestId('action-rewrite').click()
    const seen = new Set<number>()
    while ((await phase(page)) !== 'done') {
      if ((await phase(page)) === 'streaming') seen.add((await cardText(page)).length)
      await page.waitForTimeout(40)
    }
    // Several different lengths while streaming: the text grew in steps, not all at once.
    expect([...seen].filter((length) => length > 0).length).toBeGreaterThanOrEqual(2)
    await snapshot(page, 'zh-1-done')

    const cleaned = await cardText(page)
    const toggle = page.getByTestId('suggestion-raw-toggle')
    await toggle.click()
    await expect.poll(() => card(page).getAttribute('data-view')).toBe('raw')
    const raw = await cardText(page)
    expect(raw).not.toBe(cleaned)
    await snapshot(page, 'zh-2-raw')
    await toggle.click()
    await expect.poll(() => cardText(page)).toBe(cleaned)

    await page.getByTestId('suggestion-accept').click()
    await card(page).waitFor({ state: 'detached' })
    const text = await documentText(page)
    expect(text).toContain('秋天的风吹过老街，我想起了外婆。')
    expect(text).not.toContain(SENTENCE)
    expect(text.replace(/\s+/g, '')).toContain(cleaned.replace(/\s+/g, ''))
  })

  it('Stop keeps what was written so far, and Accept inserts exactly that', async () => {
    await selectText(page, SENTENCE)
    await page.getByTestId('action-rewrite').click()
    await expect
      .poll(async () => (await cardText(page)).length, { timeout: 20_000, interval: 20 })
      .toBeGreaterThan(0)
    await page.getByTestId('suggestion-stop').click()
    await expect.poll(() => phase(page)).toBe('done')
    await expect
      .poll(() => page.getByTestId('suggestion-status').innerText())
      .toMatch(/Stopped|已停止/)
    const partial = await cardText(page)
    expect(partial.length).toBeGreaterThan(0)
    await snapshot(page, 'zh-3-stopped')
    await page.getByTestId('suggestion-accept').click()
    await card(page).waitFor({ state: 'detached' })
    expect((await documentText(page)).replace(/\s+/g, '')).toContain(partial.replace(/\s+/g, ''))
  })

  it('writes a poem on a typed theme and inserts it after the paragraph, leaving the text alone', async () => {
    await selectText(page, SENTENCE)
    await page.getByTestId('menu-poem').click()
    await page.getByTestId('prompt-poem.free-verse').click()
    await page.getByTestId('prompt-var-theme').fill('秋夜离别')
    await snapshot(page, 'zh-4-poem-theme')
    await page.getByTestId('prompt-vars-submit').click()
    await expect.poll(() => phase(page), { timeout: 20_000 }).toBe('done')
    const poem = await cardText(page)
    expect(poem.split('\n').filter((line) => line.trim()).length).toBeLessThanOrEqual(6)
    await page.getByTestId('suggestion-accept').click()
    await card(page).waitFor({ state: 'detached' })
    const text = await documentText(page)
    expect(text.startsWith(PASSAGE)).toBe(true)
    expect(text.slice(PASSAGE.length).replace(/\s+/g, '')).toBe(poem.replace(/\s+/g, ''))
  })

  it('asks once more when the answer is in the wrong language, and says so', async () => {
    await page.keyboard.press('Enter')
    await page.keyboard.insertText('The lamps came on along the river.')
    await selectText(page, 'The lamps came on along the river.')
    await page.getByTestId('action-rewrite').click()
    await expect.poll(() => phase(page), { timeout: 30_000 }).toBe('done')
    await expect(card(page).innerText()).resolves.toMatch(/wrong language/)
    await snapshot(page, 'zh-5-language-retry')
  })
})
