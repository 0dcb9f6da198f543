import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchChromium } from './support/browser'
import { screenshot } from './support/documents'
import { mod, newDocument, selectText, waitForEngineReady } from './support/editorPage'
import { startQuireServe, type ServeProcess } from '../support/quireServe'
import { TINY_QWEN_VOCAB_MODEL_PATH } from '../fixtures/paths'

// The tiny model with Qwen's real vocabulary answers in Chinese: Chinese passages, so the
// language guard has nothing to retry.
const LEAD = '秋天的风吹过老街。'
const SENTENCE = '她总在黄昏时坐在门口剥豆子。'
const INSTRUCTION = '用鲁迅的口吻'

const card = (page: Page) => page.getByTestId('suggestion')
const phase = (page: Page) => card(page).getAttribute('data-phase', { timeout: 2_000 })
/** The test id (or role) of the focused element: focus must never fall to <body>. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement
    if (!active || active === document.body) return 'body'
    return active.getAttribute('data-testid') ?? active.getAttribute('role') ?? active.tagName
  })
const selected = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '')

/** Shots at both window sizes the issue asks about. */
async function shots(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 800 })
  await screenshot(page, `${name}-1280`)
  await page.setViewportSize({ width: 900, height: 700 })
  await screenshot(page, `${name}-900`)
}

let browser: Browser
let serve: ServeProcess
beforeAll(async () => {
  browser = await launchChromium()
  serve = await startQuireServe(['--model', TINY_QWEN_VOCAB_MODEL_PATH])
})
afterAll(async () => {
  await browser?.close()
  await serve?.stop()
})

describe('commands and keyboard', () => {
  let context: BrowserContext
  let page: Page
  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 900, height: 700 }, locale: 'en-US' })
    page = await context.newPage()
    await page.goto(serve.url)
    await waitForEngineReady(page)
    await newDocument(page)
    await page.keyboard.insertText(`${LEAD}${SENTENCE}`)
  })
  afterAll(() => context?.close())

  it('moves through a toolbar menu with the keys; Esc closes only the menu and keeps the selection', async () => {
    await selectText(page, SENTENCE)
    await page.getByTestId('ai-toolbar').waitFor()
    await page.getByTestId('menu-more').focus()
    await page.keyboard.press('ArrowDown')
    const menu = page.getByTestId('menu-list-more')
    await menu.waitFor()
    const items = menu.getByRole('menuitem')
    const ids = await items.evaluateAll((all) =>
      all.map((item) => item.getAttribute('data-testid')),
    )
    expect(ids.length).toBeGreaterThan(2)
    expect(await focused(page)).toBe(ids[0])
    await page.keyboard.press('ArrowDown')
    expect(await focused(page)).toBe(ids[1])
    await page.keyboard.press('End')
    expect(await focused(page)).toBe(ids.at(-1))
    await page.keyboard.press('ArrowDown')
    expect(await focused(page)).toBe(ids[0])
    await page.keyboard.press('Home')
    expect(await focused(page)).toBe(ids[0])
    // Never clipped in a 700 px window.
    const box = (await menu.boundingBox())!
    expect(box.y).toBeGreaterThanOrEqual(0)
    expect(box.y + box.height).toBeLessThanOrEqual(700)

    await page.keyboard.press('Escape')
    await menu.waitFor({ state: 'detached' })
    expect(await focused(page)).toBe('menu-more')
    expect(await page.getByTestId('ai-toolbar').isVisible()).toBe(true)
    expect(await selected(page)).toBe(SENTENCE)
    // Esc again leaves the toolbar for the editor, the passage still selected.
    await page.keyboard.press('Escape')
    await expect.poll(() => focused(page)).toBe('editor')
    expect(await selected(page)).toBe(SENTENCE)
    expect(await card(page).count()).toBe(0)
  })

  it('runs a rewrite on the selection from the palette', async () => {
    await selectText(page, SENTENCE)
    await page.getByTestId('ai-toolbar').waitFor()
    await page.keyboard.press(`${mod}+KeyK`)
    const palette = page.getByTestId('command-palette')
    await palette.waitFor()
    expect(await focused(page)).toBe('palette-input')
    await page.keyboard.type('lyrical')
    const first = palette.getByTestId('palette-item').first()
    await expect.poll(() => first.getAttribute('data-key')).toBe('prompt:rewrite.lyrical')
    expect(await first.innerText()).toMatch(/Ctrl\+Alt\+L|⌘⌥L/)
    await shots(page, 'palette-en')
    await page.keyboard.press('Enter')
    await palette.waitFor({ state: 'detached' })
    await expect.poll(() => phase(page), { timeout: 30_000 }).toBe('done')
    await page.getByTestId('suggestion-show-prompt').click()
    // The lyrical prompt's own Style section was sent.
    await expect.poll(() => page.getByTestId('suggestion-prompt').innerText()).toContain(SENTENCE)
    await page.getByTestId('suggestion-reject').click()
    await card(page).waitFor({ state: 'detached' })
  })

  it('sends the writer’s own instruction from the Ask field, and remembers it after a reload', async () => {
    await selectText(page, SENTENCE)
    await page.getByTestId('ai-toolbar').waitFor()
    const ask = page.getByTestId('ask-input')
    await ask.click()
    await ask.fill(INSTRUCTION)
    await shots(page, 'ask-en')
    await page.keyboard.press('Enter')
    // The sent messages are shown from the moment the request starts; no need to wait it out.
    const showPrompt = page.getByTestId('suggestion-show-prompt')
    await expect.poll(() => showPrompt.isEnabled(), { timeout: 30_000 }).toBe(true)
    await showPrompt.click()
    const sent = page.getByTestId('suggestion-prompt')
    await expect.poll(() => sent.innerText()).toContain(INSTRUCTION)
    // Through the bundled Role + Style + Constraint prompt, with the persona as system message.
    expect(await sent.innerText()).toMatch(/作者的要求/)
    await page.getByTestId('suggestion-reject').click()
    await card(page).waitFor({ state: 'detached' })

    // Kept by the host: a fresh page finds it in the palette.
    await page.reload()
    await waitForEngineReady(page)
    await page.keyboard.press(`${mod}+KeyK`)
    await page.getByTestId('palette-input').fill('鲁迅')
    await expect
      .poll(() => page.getByTestId('palette-item').first().getAttribute('data-key'))
      .toBe(`recent:${INSTRUCTION}`)
    await page.keyboard.press('Escape')
    await page.getByTestId('command-palette').waitFor({ state: 'detached' })
  })

  it('refuses a taken or nonsense shortcut while it is typed, asks before Esc drops edits, and undoes a delete', async () => {
    await page.getByTestId('open-library').click()
    await page.getByTestId('library-search').fill('lyrical')
    await page
      .locator('[data-testid="library-row"][data-id="rewrite.lyrical"][data-language="en"]')
      .click()
    await page.getByTestId('library-duplicate').click()
    await page.locator('[data-testid="library-editor"][data-origin="user"]').waitFor()
    const shortcut = page.getByTestId('library-field-shortcut')
    const shortcutError = page.getByTestId('library-error-shortcut')
    await shortcut.fill('Mod+Alt+R')
    await expect.poll(() => shortcutError.innerText()).toContain('Rewrite')
    await shortcut.fill('Mod+Alt+L')
    await expect.poll(() => shortcutError.innerText()).toContain('Lyrical prose')
    await shortcut.fill('banana')
    await expect.poll(() => shortcutError.innerText()).toContain('“banana” is not a shortcut')
    await page.getByTestId('library-field-maxTokens').fill('-5')
    await expect
      .poll(() => page.getByTestId('library-error-maxTokens').innerText())
      .toContain('whole number from 1 to 8,192')
    expect(await page.getByTestId('library-save').isDisabled()).toBe(true)
    // The header stays in reach beside the wide Library.
    const header = (await page.getByTestId('open-settings').boundingBox())!
    const drawer = (await page.getByTestId('library-panel').boundingBox())!
    expect(header.y + header.height).toBeLessThanOrEqual(drawer.y)
    await shots(page, 'library-errors-en')

    // Esc asks first; Esc again keeps editing.
    await shortcut.focus()
    await page.keyboard.press('Escape')
    await page.getByTestId('unsaved-prompt').waitFor()
    await page.keyboard.press('Escape')
    await page.getByTestId('unsaved-prompt').waitFor({ state: 'detached' })
    expect(await shortcut.inputValue()).toBe('banana')

    await shortcut.fill('')
    await page.getByTestId('library-field-maxTokens').fill('300')
    await page.getByTestId('library-save').click()
    await page.getByTestId('library-message').waitFor()
    const copyRow = page.locator(
      '[data-testid="library-row"][data-id="rewrite.lyrical-copy"][data-language="en"]',
    )
    await page.getByTestId('library-delete').click()
    await page.getByTestId('library-removed').waitFor()
    await copyRow.waitFor({ state: 'detached' })
    await page.getByTestId('library-undo').click()
    await copyRow.waitFor()
    await expect.poll(() => page.getByTestId('library-field-maxTokens').inputValue()).toBe('300')
  })
})

describe('in Chinese', () => {
  it('shows the palette, the Ask field and a field error in Chinese', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'zh-CN',
    })
    try {
      const page = await context.newPage()
      await page.goto(serve.url)
      await waitForEngineReady(page)
      await newDocument(page)
      await page.keyboard.insertText(`${LEAD}${SENTENCE}`)
      await selectText(page, SENTENCE)
      await page.getByTestId('ai-toolbar').waitFor()
      await page.getByTestId('ask-input').fill('写得更伤感一些')
      await shots(page, 'ask-zh')
      await page.keyboard.press('Escape')
      await page.keyboard.press('Escape')
      await selectText(page, SENTENCE)
      await page.keyboard.press(`${mod}+KeyK`)
      await page.getByTestId('palette-input').fill('改写')
      await expect
        .poll(() => page.getByTestId('palette-item').first().innerText())
        .toContain('改写')
      await shots(page, 'palette-zh')
      await page.keyboard.press('Escape')

      await page.getByTestId('open-library').click()
      await page
        .locator('[data-testid="library-row"][data-id="rewrite.lyrical-copy"][data-language="en"]')
        .click()
      await page.locator('[data-testid="library-editor"][data-origin="user"]').waitFor()
      await page.getByTestId('library-field-title').fill('')
      await page.getByTestId('library-field-shortcut').fill('Mod+S')
      await expect
        .poll(() => page.getByTestId('library-error-shortcut').innerText())
        .toContain('保存')
      expect(await page.getByTestId('library-error-title').innerText()).toContain('标题')
      await shots(page, 'library-errors-zh')
    } finally {
      await context.close()
    }
  })
})
