import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchChromium, snapshot } from './support/browser'
import {
  documentText,
  newDocument,
  mod,
  selectText,
  waitForEngineReady,
} from './support/editorPage'
import { startQuireServe, type ServeProcess } from '../support/quireServe'
import { TINY_MODEL_PATH } from '../fixtures/paths'

const FIRST = 'The lamps came on along the river.'
const SECOND = 'My grandmother walked home slowly.'

describe('rewrite a selection in the browser against quire serve', () => {
  let serve: ServeProcess
  let browser: Browser
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    serve = await startQuireServe(['--model', TINY_MODEL_PATH])
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await serve?.stop()
  })
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1100, height: 760 } })
    page = await context.newPage()
    await page.goto(serve.url)
    await waitForEngineReady(page)
    await newDocument(page)
    await page.keyboard.type(`${FIRST} ${SECOND}`)
  })
  afterEach(() => context?.close())

  it('streams a rewrite into the card, Accept replaces the selection, and Mod+Z restores it', async () => {
    await snapshot(page, 'rewrite-0-typed')
    await selectText(page, SECOND)
    const toolbar = page.getByTestId('ai-toolbar')
    await toolbar.waitFor()
    await snapshot(page, 'rewrite-1-toolbar')
    await page.getByTestId('action-rewrite').click()

    const card = page.getByTestId('suggestion')
    await card.waitFor()
    await page.locator('[data-testid="suggestion"][data-phase="done"]').waitFor()
    const suggestion = (await page.getByTestId('suggestion-text').innerText()).trim()
    expect(suggestion.length).toBeGreaterThan(0)
    await snapshot(page, 'rewrite-2-suggestion')

    await page.getByTestId('suggestion-accept').click()
    await card.waitFor({ state: 'detached' })
    const accepted = await documentText(page)
    expect(accepted).toContain(FIRST)
    expect(accepted).not.toContain(SECOND)
    expect(accepted.replace(/\s+/g, ' ')).toContain(suggestion.replace(/\s+/g, ' '))
    await snapshot(page, 'rewrite-3-accepted')

    await page.keyboard.press(`${mod}+z`)
    await expect.poll(() => documentText(page)).toBe(`${FIRST} ${SECOND}`)
  })

  it('Reject leaves the document exactly as it was', async () => {
    await selectText(page, FIRST)
    await page.getByTestId('action-rewrite').click()
    await page.locator('[data-testid="suggestion"][data-phase="done"]').waitFor()
    await page.getByTestId('suggestion-reject').click()
    await page.getByTestId('suggestion').waitFor({ state: 'detached' })
    expect(await documentText(page)).toBe(`${FIRST} ${SECOND}`)
  })

  it('runs the Rewrite shortcut from the keyboard and Esc dismisses the card', async () => {
    await selectText(page, FIRST)
    await page.keyboard.press(`${mod}+Alt+KeyR`)
    await page.locator('[data-testid="suggestion"][data-phase="done"]').waitFor()
    await page.keyboard.press('Escape')
    await page.getByTestId('suggestion').waitFor({ state: 'detached' })
    expect(await documentText(page)).toBe(`${FIRST} ${SECOND}`)
  })

  it('still applies the suggestion after an edit elsewhere, and keeps that edit', async () => {
    await selectText(page, SECOND)
    await page.getByTestId('action-rewrite').click()
    await page.locator('[data-testid="suggestion"][data-phase="done"]').waitFor()
    const suggestion = (await page.getByTestId('suggestion-text').innerText()).trim()
    await page.keyboard.press('End')
    await page.keyboard.type(' And then it rained.')
    await page.getByTestId('suggestion-accept').click()
    await page.getByTestId('suggestion').waitFor({ state: 'detached' })
    const text = await documentText(page)
    expect(text.startsWith(FIRST)).toBe(true)
    expect(text.endsWith('And then it rained.')).toBe(true)
    expect(text).not.toContain(SECOND)
    expect(text.replace(/\s+/g, ' ')).toContain(suggestion.replace(/\s+/g, ' '))
  })

  it('does not apply the suggestion when the passage itself changed meanwhile, and says so', async () => {
    await selectText(page, SECOND)
    await page.getByTestId('action-rewrite').click()
    await page.locator('[data-testid="suggestion"][data-phase="done"]').waitFor()
    await selectText(page, 'slowly')
    await page.keyboard.type('quickly')
    await page.getByTestId('suggestion-accept').click({ force: true })
    await page.getByTestId('suggestion-notice').waitFor()
    expect(await documentText(page)).toBe(`${FIRST} My grandmother walked home quickly.`)
    await snapshot(page, 'rewrite-4-passage-changed')
  })

  it('applies the suggestion after typing earlier in the same paragraph', async () => {
    await selectText(page, SECOND)
    await page.getByTestId('action-rewrite').click()
    await page.locator('[data-testid="suggestion"][data-phase="done"]').waitFor()
    const suggestion = (await page.getByTestId('suggestion-text').innerText()).trim()
    await page.keyboard.press('Home')
    await page.keyboard.type('Hi! ')
    await page.getByTestId('suggestion-accept').click()
    await page.getByTestId('suggestion').waitFor({ state: 'detached' })
    const text = await documentText(page)
    expect(text.startsWith(`Hi! ${FIRST}`)).toBe(true)
    expect(text).not.toContain(SECOND)
    expect(text.replace(/\s+/g, ' ')).toContain(suggestion.replace(/\s+/g, ' '))
  })

  it('shows what another tab types in the same document, losing neither tab’s text', async () => {
    // Let this tab's own save of the typed text land first (it is saved a second after typing).
    await page.waitForTimeout(1_500)
    const before = await documentText(page)
    const other = await context.newPage()
    await other.goto(serve.url)
    await waitForEngineReady(other)
    await expect.poll(() => documentText(other)).toBe(before)
    await other.getByTestId('editor').click()
    await other.keyboard.press(`${mod}+End`)
    await other.keyboard.type(' Chapter two.')
    await expect.poll(() => documentText(page), { timeout: 10_000 }).toBe(`${before} Chapter two.`)
    await snapshot(page, 'rewrite-5-two-tabs')
    await other.close()
    await page.getByTestId('editor').click()
    await page.keyboard.press(`${mod}+End`)
  })

  it('explains in the card body when the selection is too long for the model', async () => {
    const long = 'the river ran on '.repeat(700).trim()
    await page.keyboard.press('Enter')
    await page.keyboard.insertText(long)
    await selectText(page, long)
    await page.getByTestId('action-rewrite').click()
    await page.getByTestId('suggestion-error').waitFor()
    expect(await page.getByTestId('suggestion-error').innerText()).toMatch(
      /selection is about \d+ tokens.*holds \d+/,
    )
    expect(await page.getByTestId('suggestion-accept').isDisabled()).toBe(true)
    await page.keyboard.press('Escape')
    await page.getByTestId('suggestion').waitFor({ state: 'detached' })
    expect(await documentText(page)).toContain(long)
  })
})
