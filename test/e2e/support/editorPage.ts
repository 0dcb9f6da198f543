import { expect } from 'vitest'
import type { Page } from 'playwright-core'

/** Small helpers in the spirit of Lexical's own e2e tests. */
export const editor = (page: Page) => page.getByTestId('editor')

/** Clicks into the editor once it takes typing (it is read-only until its document is open). */
export async function focusEditor(page: Page): Promise<void> {
  await page.locator('[data-testid="editor"][contenteditable="true"]').waitFor({ timeout: 30_000 })
  await editor(page).click()
}

/** The document's text, paragraph by paragraph. */
export async function documentText(page: Page): Promise<string> {
  return editor(page).evaluate((root) =>
    [...root.querySelectorAll('p, h1, h2, h3, li, blockquote')]
      .map((block) => block.textContent ?? '')
      .join('\n'),
  )
}

/** Selects `text` inside the editor with a real DOM selection, as a drag would. */
export async function selectText(page: Page, text: string): Promise<void> {
  const found = await editor(page).evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1
      if (at < 0) continue
      const range = document.createRange()
      range.setStart(node, at)
      range.setEnd(node, at + wanted.length)
      const selection = window.getSelection()
      selection?.removeAllRanges()
      selection?.addRange(range)
      return true
    }
    return false
  }, text)
  expect(found, `"${text}" is in the document`).toBe(true)
}

/** Waits for the engine to say ready; a (re)started engine process takes long on a busy machine. */
export async function waitForEngineReady(page: Page): Promise<void> {
  await page
    .getByTestId('engine-status')
    .and(page.locator('[data-state="ready"]'))
    .waitFor({ timeout: 50_000 })
}

export const mod = process.platform === 'darwin' ? 'Meta' : 'Control'

/**
 * Starts a new, empty document and puts the caret in it. Quire reopens the newest document of
 * the folder, so a test that types on a shared server starts its own document first.
 */
export async function newDocument(page: Page): Promise<void> {
  await page.locator('[data-testid="editor"][contenteditable="true"]').waitFor({ timeout: 30_000 })
  // Counted, not named: another page's "Untitled.md" may be renamed from its first line at any
  // moment, and the new document then takes the free name "Untitled.md" again.
  const items = page.getByTestId('doc-item')
  const before = await items.count()
  await page.getByTestId('doc-new').click()
  // Polled by hand, not with expect.poll: this also runs in beforeAll/beforeEach hooks.
  await until(async () => (await items.count()) > before, 'a new document in the list')
  await page.locator('[data-testid="doc-item"][data-current]').waitFor()
  await until(async () => (await documentText(page)) === '', 'the new, empty document open')
  await page.locator('[data-testid="editor"][contenteditable="true"]').waitFor()
  await focusEditor(page)
}

/** Selects from the start of `from` to the end of `to`, across paragraphs, as a drag would. */
export async function selectBetween(page: Page, from: string, to: string): Promise<void> {
  const found = await editor(page).evaluate(
    (root, [start, end]) => {
      const texts: Text[] = []
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text)
      const first = texts.find((node) => node.data.includes(start))
      const last = [...texts].reverse().find((node) => node.data.includes(end))
      if (!first || !last) return false
      const range = document.createRange()
      range.setStart(first, first.data.indexOf(start))
      range.setEnd(last, last.data.lastIndexOf(end) + end.length)
      const selection = window.getSelection()
      selection?.removeAllRanges()
      selection?.addRange(range)
      return true
    },
    [from, to] as const,
  )
  expect(found, `"${from}" … "${to}" is in the document`).toBe(true)
}

/** The phases the suggestion card went through, recorded in the page from the moment this is called. */
export async function recordPhases(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = []
    ;(window as unknown as { quirePhases: string[] }).quirePhases = seen
    const note = (): void => {
      const card = document.querySelector('[data-testid="suggestion"]')
      const status = document.querySelector('[data-testid="suggestion-status"]')?.textContent ?? ''
      const entry = card ? `${card.getAttribute('data-phase')}:${status}` : 'none'
      if (seen.at(-1) !== entry) seen.push(entry)
    }
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    })
  })
  return () => page.evaluate(() => (window as unknown as { quirePhases: string[] }).quirePhases)
}

type Key = { key: string; code: string; mod?: boolean; alt?: boolean }
export const REWRITE_KEY: Key = { key: 'r', code: 'KeyR', mod: true, alt: true }
export const ESCAPE_KEY: Key = { key: 'Escape', code: 'Escape' }

/**
 * Presses keys in the editor `gapMs` apart, scheduled inside the page: Playwright's own key
 * presses take tens of milliseconds each, too slow for "twice within 50 ms". A key whose time
 * comes while the page is still handling the one before waits for it, as a real key press
 * waits in the browser's input queue.
 */
export async function pressQuickly(page: Page, keys: readonly Key[], gapMs: number): Promise<void> {
  await editor(page).evaluate(
    (root, [sequence, gap, mac]) =>
      new Promise<void>((resolve) => {
        sequence.forEach((key, index) =>
          setTimeout(() => {
            const init = {
              key: key.key,
              code: key.code,
              ctrlKey: Boolean(key.mod) && !mac,
              metaKey: Boolean(key.mod) && mac,
              altKey: Boolean(key.alt),
              bubbles: true,
              cancelable: true,
            }
            root.dispatchEvent(new KeyboardEvent('keydown', init))
            root.dispatchEvent(new KeyboardEvent('keyup', init))
            if (index === sequence.length - 1) resolve()
          }, index * gap),
        )
      }),
    [keys, gapMs, process.platform === 'darwin'] as const,
  )
}

/** Waits until `check` holds, asking every 100 ms for up to 30 s. */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const giveUpAt = Date.now() + 30_000
  while (!(await check())) {
    if (Date.now() > giveUpAt) throw new Error(`Gave up waiting for ${what}.`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/**
 * An accepted answer as `documentText` reads it: one block per paragraph (paragraphs are
 * separated by blank lines, and each is trimmed, as the editor inserts them).
 */
export const acceptedParagraphs = (answer: string): string[] =>
  answer
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
