import { expect } from 'vitest'
import type { Page } from 'playwright-core'

/** Small helpers in the spirit of Lexical's own e2e tests. */
export const editor = (page: Page) => page.getByTestId('editor')

export async function focusEditor(page: Page): Promise<void> {
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

export async function waitForEngineReady(page: Page): Promise<void> {
  await page
    .getByTestId('engine-status')
    .and(page.locator('[data-state="ready"]'))
    .waitFor({ timeout: 30_000 })
}

export const mod = process.platform === 'darwin' ? 'Meta' : 'Control'

/**
 * Starts a new, empty document and puts the caret in it. Quire reopens the newest document of
 * the folder, so a test that types on a shared server starts its own document first.
 */
export async function newDocument(page: Page): Promise<void> {
  await page.locator('[data-testid="editor"][contenteditable="true"]').waitFor({ timeout: 30_000 })
  const current = page.locator('[data-testid="doc-item"][data-current]')
  const before = (await current.count()) > 0 ? await current.getAttribute('data-path') : null
  await page.getByTestId('doc-new').click()
  await page
    .locator('[data-testid="doc-item"][data-current]')
    .and(page.locator(before ? `:not([data-path="${before}"])` : '*'))
    .waitFor()
  await page.locator('[data-testid="editor"][contenteditable="true"]').waitFor()
  await focusEditor(page)
}
