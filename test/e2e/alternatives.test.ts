import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchChromium, snapshot } from './support/browser'
import { documentText, editor, mod, newDocument, waitForEngineReady } from './support/editorPage'
import { startQuireServe, type ServeProcess } from '../support/quireServe'
import { TINY_QWEN_VOCAB_MODEL_PATH } from '../fixtures/paths'

// The tiny model with Qwen's real vocabulary writes until its token budget: each answer is
// stopped once it has a few characters, which is all these flows need and keeps them quick.
const LEAD = '秋天的风吹过老街。'
const SENTENCE = '她总在黄昏时坐在门口剥豆子。'
const EN_LEAD = 'The lamps came on along the river.'
const EN_SENTENCE = 'My grandmother walked home slowly.'
const EN_AFTER = 'Nobody else was out in the rain that night.'
const REWRITE = `${mod}+Alt+KeyR`

const card = (page: Page) => page.getByTestId('suggestion')
const phase = (page: Page) => card(page).getAttribute('data-phase', { timeout: 2_000 })
const shownText = async (page: Page) =>
  (await page.getByTestId('suggestion-text').innerText({ timeout: 2_000 })).trim()
const squeeze = (text: string) => text.replace(/\s+/g, '')
const counter = (page: Page) => page.getByTestId('suggestion-counter').innerText()

/** Waits until every answer being written has a few characters, then stops them all. */
async function writeSome(page: Page, testId = 'suggestion-text'): Promise<void> {
  await expect
    .poll(
      async () =>
        Math.min(
          ...(await page.getByTestId(testId).allInnerTexts()).map((text) => text.trim().length),
        ),
      { timeout: 60_000 },
    )
    .toBeGreaterThanOrEqual(4)
  await page
    .getByTestId('suggestion-stop')
    .click({ timeout: 1_000 })
    .catch(() => {})
  await expect.poll(() => phase(page), { timeout: 15_000 }).toBe('done')
}

/** The diff view's parts: the original is what is kept and removed, the answer what is kept and added. */
async function diffParts(page: Page) {
  return page.getByTestId('suggestion-text').evaluate((view) => {
    const parts = [...view.childNodes].map((node) => ({
      tag: node.nodeName.toLowerCase(),
      text: node.textContent ?? '',
    }))
    return {
      original: parts
        .filter((p) => p.tag !== 'ins')
        .map((p) => p.text)
        .join(''),
      answer: parts
        .filter((p) => p.tag !== 'del')
        .map((p) => p.text)
        .join(''),
      changed: parts.filter((p) => p.tag !== 'span').map((p) => `${p.tag}:${p.text}`),
    }
  })
}

/** Where the original is cut into diff parts: every offset where a kept or removed part ends. */
const cuts = (parts: { tag: string; text: string }[]): number[] => {
  let at = 0
  return parts.filter((p) => p.tag !== 'ins').map((p) => (at += p.text.length))
}

let browser: Browser
let serve: ServeProcess
beforeAll(async () => {
  ;[browser, serve] = await Promise.all([
    launchChromium(),
    startQuireServe(['--model', TINY_QWEN_VOCAB_MODEL_PATH]),
  ])
})
afterAll(async () => {
  await browser?.close()
  await serve?.stop()
})

describe('alternatives, versions and the diff on the suggestion card', () => {
  let context: BrowserContext
  let page: Page
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: serve.url })
    page = await context.newPage()
    await page.goto(serve.url)
    await waitForEngineReady(page)
    await newDocument(page)
  })
  afterEach(() => context?.close())

  it('keyboard only: select, shortcut, Retry, browse back and forth, Mod+Enter takes the shown one, Mod+Z', async () => {
    await page.keyboard.insertText(`${LEAD}${SENTENCE}`)
    for (let i = 0; i < SENTENCE.length; i++) await page.keyboard.press('Shift+ArrowLeft')
    await page.keyboard.press(REWRITE)
    await writeSome(page)
    const first = await shownText(page)

    // The Chinese rewrite as changes: the passage kept and removed, the answer kept and added.
    await page.getByTestId('suggestion-diff').click()
    const diff = await diffParts(page)
    expect(diff.original).toBe(SENTENCE)
    expect(squeeze(diff.answer)).toBe(squeeze(first))
    expect(diff.changed.length).toBeGreaterThan(0)
    await page.getByTestId('suggestion-diff').click()

    await page.getByTestId('suggestion-retry').click()
    await expect.poll(() => counter(page)).toBe('2/2')
    // The first answer can be looked at while the second is still being written.
    await page.keyboard.press('Alt+BracketLeft')
    expect(await counter(page)).toBe('1/2')
    expect(await shownText(page)).toBe(first)
    await page.keyboard.press('Alt+BracketRight')
    await writeSome(page)
    const second = await shownText(page)
    expect(second).not.toBe(first)
    await page.getByTestId('suggestion-prev').click()
    expect(await shownText(page)).toBe(first)
    await page.getByTestId('suggestion-next').click()
    expect(await counter(page)).toBe('2/2')

    await page.getByTestId('suggestion-show-prompt').click()
    expect(await page.getByTestId('prompt-user').innerText()).toContain(SENTENCE)

    await page.keyboard.press(`${mod}+Enter`)
    await card(page).waitFor({ state: 'detached' })
    expect(squeeze(await documentText(page))).toBe(squeeze(`${LEAD}${second}`))
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'editor',
    )
    // Lit up for a moment, outside the document (a CSS highlight, not a node).
    expect(await page.evaluate(() => CSS.highlights.has('quire-accepted'))).toBe(true)
    expect(await editor(page).locator('mark, [class*="highlight"]').count()).toBe(0)
    // The rewrite stays selected, as Writing Tools leaves it.
    expect(squeeze((await page.evaluate(() => window.getSelection()?.toString())) ?? '')).toBe(
      squeeze(second),
    )
    expect(await page.locator('mark').count()).toBe(0)
    await page.keyboard.press(`${mod}+KeyZ`)
    await expect.poll(() => documentText(page)).toBe(`${LEAD}${SENTENCE}`)
  })

  it('writes two versions side by side, shows an English diff word by word, copies and accepts the second', async () => {
    // The passage is low enough in the window for the card to fit above it.
    for (let i = 0; i < 8; i++) {
      await page.keyboard.insertText(`Line ${i + 1}: ${EN_LEAD}`)
      await page.keyboard.press('Enter')
    }
    await page.keyboard.insertText(`${EN_LEAD} ${EN_SENTENCE}`)
    await page.keyboard.press('Enter')
    await page.keyboard.insertText(EN_AFTER)
    // Select the sentence by keyboard: from the end of its line back to its start.
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('End')
    for (let i = 0; i < EN_SENTENCE.length; i++) await page.keyboard.press('Shift+ArrowLeft')
    await page.keyboard.press(REWRITE)
    await card(page).and(page.locator('[data-side]')).waitFor()
    // The card leaves the lines after the passage readable when it has room elsewhere.
    const covers = await page.evaluate(() => {
      const cardBox = document.querySelector('[data-testid="suggestion"]')!.getBoundingClientRect()
      const next = document.querySelectorAll('[data-testid="editor"] p')[9]!.getBoundingClientRect()
      return (
        next.left < cardBox.right &&
        next.right > cardBox.left &&
        next.top < cardBox.bottom &&
        next.bottom > cardBox.top
      )
    })
    expect(covers).toBe(false)
    await writeSome(page)

    await page.getByTestId('suggestion-versions').click()
    await expect.poll(() => counter(page)).toBe('2/3')
    expect(await card(page).getAttribute('data-layout')).toBe('side-by-side')
    const columns = page.getByTestId('suggestion-version')
    expect(await columns.count()).toBe(2)
    // Measured at one moment: the card above the passage grows upwards as the text streams.
    const [left, right] = await columns.evaluateAll((all) =>
      all.map((column) => column.getBoundingClientRect().toJSON() as DOMRect),
    )
    expect(Math.abs(left!.y - right!.y)).toBeLessThan(2)
    expect(right!.x).toBeGreaterThanOrEqual(left!.x + left!.width)
    // Both versions stream at once on the engine's two sequences: at one moment both are
    // still being written and both have text.
    await expect
      .poll(
        async () =>
          (
            await columns.evaluateAll((all) =>
              all.filter(
                (column) =>
                  column.getAttribute('data-busy') === 'true' &&
                  (column.querySelector('.suggestion-text')?.textContent ?? '').trim() !== '',
              ),
            )
          ).length,
        { timeout: 60_000 },
      )
      .toBe(2)
    await writeSome(page, 'suggestion-version')
    await snapshot(page, 'alternatives-side-by-side')

    await columns.nth(1).getByRole('button').click()
    expect(await counter(page)).toBe('3/3')
    const chosen = await shownText(page)
    expect(chosen).not.toBe('')

    await page.getByTestId('suggestion-diff').click()
    const diff = await diffParts(page)
    expect(diff.original).toBe(EN_SENTENCE)
    expect(squeeze(diff.answer)).toBe(squeeze(chosen))
    // Word-level: the passage is never cut inside a word.
    const parts = await page.getByTestId('suggestion-text').evaluate((view) =>
      [...view.childNodes].map((n) => ({
        tag: n.nodeName.toLowerCase(),
        text: n.textContent ?? '',
      })),
    )
    for (const at of cuts(parts))
      expect(/\p{L}/u.test(EN_SENTENCE[at - 1] ?? '') && /\p{L}/u.test(EN_SENTENCE[at] ?? '')).toBe(
        false,
      )
    await snapshot(page, 'alternatives-diff-en')

    await page.getByTestId('suggestion-copy').click()
    await expect.poll(() => page.getByTestId('suggestion-copy').innerText()).toBe('Copied')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(chosen)

    await page.getByTestId('suggestion-accept').click()
    await card(page).waitFor({ state: 'detached' })
    const text = await documentText(page)
    expect(text).toContain(chosen.split(/\n\s*\n/)[0]!.trim())
    expect(text).not.toContain(EN_SENTENCE)
    expect(text).toContain(EN_AFTER)
  })
})

describe('ghost text at the cursor', () => {
  let context: BrowserContext
  let page: Page
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 900, height: 700 } })
    page = await context.newPage()
    await page.goto(serve.url)
    await waitForEngineReady(page)
    await newDocument(page)
  })
  afterEach(() => context?.close())

  const ghost = (page: Page) => page.getByTestId('ghost-text')
  /** The grey text drawn after the cursor: the text CSS shows, or null when none is drawn. */
  const drawn = (page: Page) =>
    editor(page).evaluate((root) => {
      const host = root.querySelector('[data-ghost-after]')
      if (!host || getComputedStyle(host, '::after').content === 'none') return null
      return host.getAttribute('data-ghost-after')
    })
  async function continueHere(page: Page): Promise<string> {
    await page.keyboard.press(`${mod}+Enter`)
    await expect
      .poll(() => ghost(page).getAttribute('data-phase'), { timeout: 60_000 })
      .toBe('done')
    return (await ghost(page).textContent()) ?? ''
  }

  /**
   * Ghost text as `documentText` reads it once taken: a blank line starts a new paragraph (no
   * empty one), a single line break is a <br>, which has no text.
   */
  const asBlocks = (text: string) =>
    text
      .split(/\n\s*\n/)
      .map((paragraph) => paragraph.replace(/\n/g, ''))
      .join('\n')

  it('Tab takes it all in one undo step, Mod+→ word by word; typing and Esc dismiss it outside the history', async () => {
    await page.keyboard.insertText(LEAD)
    const whole = await continueHere(page)
    expect(whole).not.toBe('')
    expect(await drawn(page)).toBe(whole)
    // Nothing of it is in the document.
    expect(await documentText(page)).toBe(LEAD)
    await snapshot(page, 'ghost-text')

    await page.keyboard.press(`${mod}+ArrowRight`)
    const afterWord = await documentText(page)
    const word = afterWord.slice(LEAD.length)
    expect(word.length).toBeGreaterThan(0)
    expect(whole.startsWith(word)).toBe(true)
    await expect.poll(() => ghost(page).textContent()).toBe(whole.slice(word.length))

    await page.keyboard.press('Tab')
    await ghost(page).waitFor({ state: 'detached' })
    expect(await documentText(page)).toBe(`${LEAD}${asBlocks(whole)}`)
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'editor',
    )
    await page.keyboard.press(`${mod}+KeyZ`)
    await expect.poll(() => documentText(page)).toBe(afterWord)

    // Typing dismisses it: the typed text goes in, the ghost and its request go. (The Continue
    // shortcut at a cursor asks for ghost text too.)
    await page.keyboard.press(`${mod}+Alt+Enter`)
    await expect.poll(() => ghost(page).count()).toBe(1)
    await page.keyboard.type('X')
    await ghost(page).waitFor({ state: 'detached' })
    expect(await drawn(page)).toBeNull()
    expect(await documentText(page)).toBe(`${afterWord}X`)

    // Esc dismisses it; Mod+Z then undoes the writer's own last edit, not the ghost.
    await continueHere(page)
    await page.keyboard.press('Escape')
    await ghost(page).waitFor({ state: 'detached' })
    expect(await documentText(page)).toBe(`${afterWord}X`)
    await page.keyboard.press(`${mod}+KeyZ`)
    await expect.poll(() => documentText(page)).toBe(afterWord)

    // Rewrite with only a cursor takes the cursor's paragraph, marked so the writer sees it.
    await page.keyboard.press(REWRITE)
    await expect.poll(() => page.locator('mark.suggestion-target').innerText()).toBe(afterWord)
    await page.keyboard.press('Escape')
    await expect.poll(() => phase(page)).toBe('done')
    await page.keyboard.press('Escape')
    await card(page).waitFor({ state: 'detached' })
    expect(await documentText(page)).toBe(afterWord)
  })
})
