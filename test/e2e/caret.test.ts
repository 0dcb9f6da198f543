import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from './support/browser'
import { documentText, editor, mod, newDocument, selectText } from './support/editorPage'
import { startQuireServe, type ServeProcess } from '../support/quireServe'

// A key pressed right after the caret moved acts where the caret is now. The browser reports a
// moved selection after the next key when it is busy; before Quire took the screen's selection
// on each key, Enter replaced the passage selected a moment before in about 1 of 5 tries.
const LEAD = 'The wind crossed the old street. '
const PASSAGE = 'She shelled peas at the door at dusk.'
const TRIES = 12

let browser: Browser
let serve: ServeProcess
let page: Page
beforeAll(async () => {
  browser = await launchChromium()
  serve = await startQuireServe([])
  page = await browser.newPage()
  await page.goto(serve.url)
})
afterAll(async () => {
  await browser?.close()
  await serve?.stop()
})

/** Writes the two sentences anew and selects the second, as a drag would. */
async function selectPassage(): Promise<void> {
  await editor(page).focus()
  await page.keyboard.press(`${mod}+KeyA`)
  await page.keyboard.insertText(`${LEAD}${PASSAGE}`)
  await selectText(page, PASSAGE)
  await page.getByTestId('ai-toolbar').waitFor()
}

describe('keys right after the caret moves', () => {
  beforeEach(() => newDocument(page))

  it(`Mod+Home then Enter adds a line at the top and keeps the passage (${TRIES} tries)`, async () => {
    for (let i = 0; i < TRIES; i++) {
      await selectPassage()
      await page.keyboard.press(`${mod}+Home`)
      await page.keyboard.press('Enter')
      expect(await documentText(page), `try ${i + 1}`).toBe(`\n${LEAD}${PASSAGE}`)
    }
  })

  it(`End then Backspace deletes one character, not the passage (${TRIES} tries)`, async () => {
    for (let i = 0; i < TRIES; i++) {
      await selectPassage()
      await page.keyboard.press('End')
      await page.keyboard.press('Backspace')
      expect(await documentText(page), `try ${i + 1}`).toBe(`${LEAD}${PASSAGE.slice(0, -1)}`)
    }
  })

  it('a format chosen before typing stays on the typed text', async () => {
    await editor(page).focus()
    await page.keyboard.insertText('plain ')
    await page.keyboard.press(`${mod}+KeyB`)
    await page.keyboard.type('bold')
    expect(await editor(page).locator('strong, b, .editor-text-bold').innerText()).toBe('bold')
  })
})
