import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchChromium } from './support/browser'
import { filesIn, recordCalls, waitForSaveState } from './support/documents'
import {
  documentText,
  editor,
  mod,
  newDocument,
  selectText,
  waitForEngineReady,
} from './support/editorPage'
import { startQuireServe, type ServeProcess } from '../support/quireServe'
import { TINY_MODEL_PATH } from '../fixtures/paths'

// The tiny model: answers end on their own within a few seconds, so the card reaches "done".
const MARKDOWN = [
  '# A walk by the river',
  '',
  '',
  '',
  'The lamps came on with **bold** light and *soft* shadows, see [the map](https://example.com/map).',
  '',
  '- bread',
  '- `tea`',
  '',
  '> Nobody else was out.',
].join('\n')
const CHINESE = '## 秋天\n\n1. 落叶\n2. 桂花\n\n> 天凉好个*秋*。'

/** The editor's blocks as tag:text, one line of text per block (line breaks as ⏎). */
const blocks = (page: Page) =>
  editor(page).evaluate((root) =>
    [...root.children].map(
      (block) =>
        `${block.tagName.toLowerCase()}:${(block as HTMLElement).innerText.replace(/\n/g, '⏎')}`,
    ),
  )

/** Puts text (and optionally HTML) on the system clipboard, as copying in another app would. */
async function copy(page: Page, text: string, html?: string): Promise<void> {
  await page.evaluate(
    async ([plain, rich]) => {
      const items: Record<string, Blob> = {
        'text/plain': new Blob([plain], { type: 'text/plain' }),
      }
      if (rich) items['text/html'] = new Blob([rich], { type: 'text/html' })
      await navigator.clipboard.write([new ClipboardItem(items)])
    },
    [text, html ?? ''] as const,
  )
}

/**
 * Records, from the page's first moment, every text each live region (aria-live, status, alert)
 * takes: what a screen reader is given to announce, in order.
 */
async function recordAnnouncements(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const heard: { region: string; text: string }[] = []
    const last = new WeakMap<Element, string>()
    ;(window as unknown as { quireHeard: typeof heard }).quireHeard = heard
    const note = (): void => {
      const live = document.querySelectorAll(
        '[aria-live], [role="status"], [role="alert"], [role="log"]',
      )
      for (const region of live) {
        const text = region.textContent ?? ''
        if ((last.get(region) ?? '') === text) continue
        last.set(region, text)
        const name =
          region.getAttribute('data-testid') ??
          (region.closest('[data-testid="suggestion"]') ? 'card' : region.className)
        heard.push({ region: name, text })
      }
    }
    new MutationObserver(note).observe(document, {
      subtree: true,
      childList: true,
      characterData: true,
    })
  })
}

const heard = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { quireHeard: { region: string; text: string }[] }).quireHeard,
  )

let browser: Browser
let serve: ServeProcess
beforeAll(async () => {
  ;[browser, serve] = await Promise.all([
    launchChromium(),
    startQuireServe(['--model', TINY_MODEL_PATH]),
  ])
})
afterAll(async () => {
  await browser?.close()
  await serve?.stop()
})

describe('paste and announcements in the editor', () => {
  let context: BrowserContext
  let page: Page
  let calls: string[]
  const generations = () => calls.filter((method) => method === 'generate').length
  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1100, height: 760 } })
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: serve.origin })
    await recordAnnouncements(context)
    // The page's clock runs as usual; fastForward skips a writer's pause instead of waiting it.
    await context.clock.install()
    page = await context.newPage()
    calls = recordCalls(page)
    await page.goto(serve.url)
    await waitForEngineReady(page)
  })
  afterAll(() => context?.close())
  beforeEach(() => newDocument(page))

  it('Ctrl+V reads Markdown as formatted text, saved as Markdown; Ctrl+Z takes the whole paste back', async () => {
    await page.keyboard.insertText('Draft.')
    await page.keyboard.press('Enter')
    const before = await blocks(page)
    await copy(page, MARKDOWN)
    await page.keyboard.press(`${mod}+KeyV`)
    await expect
      .poll(() => blocks(page))
      .toEqual([
        'p:Draft.',
        'h1:A walk by the river',
        'p:The lamps came on with bold light and soft shadows, see the map.',
        'ul:bread⏎tea',
        'blockquote:Nobody else was out.',
      ])
    const formatted = await editor(page).evaluate((root) => ({
      bold: root.querySelector('strong, b, .editor-text-bold')?.textContent,
      italic: root.querySelector('em, i, .editor-text-italic')?.textContent,
      link: root.querySelector('a')?.getAttribute('href'),
      code: root.querySelector('li code, li .editor-text-code')?.textContent,
    }))
    expect(formatted).toEqual({
      bold: 'bold',
      italic: 'soft',
      link: 'https://example.com/map',
      code: 'tea',
    })
    // The file on disk is the Markdown that was pasted (without the blank lines' excess).
    await waitForSaveState(page, 'saved')
    const saved = Object.values(filesIn(serve.docsDir)).find((text) => text.startsWith('Draft.'))
    expect(saved).toBe(`Draft.\n\n${MARKDOWN.replace('\n\n\n\n', '\n\n')}\n`)

    await page.keyboard.press(`${mod}+KeyZ`)
    await expect.poll(() => blocks(page)).toEqual(before)

    // Chinese Markdown, typed the ASCII way, the same.
    await copy(page, CHINESE)
    await page.keyboard.press(`${mod}+KeyV`)
    await expect
      .poll(() => blocks(page))
      .toEqual(['p:Draft.', 'h2:秋天', 'ol:落叶⏎桂花', 'blockquote:天凉好个秋。'])
  })

  it('rich HTML keeps Lexical’s import, without empty paragraphs; Ctrl+Shift+V pastes plain text; blank lines make no empty paragraphs; a code block stays literal', async () => {
    await copy(page, '# not this', '<h2>Rich heading</h2><br><p>with <b>bold</b> words</p><p></p>')
    await page.keyboard.press(`${mod}+KeyV`)
    await expect.poll(() => blocks(page)).toEqual(['h2:Rich heading', 'p:with bold words'])
    expect(await editor(page).locator('strong, b, .editor-text-bold').innerText()).toBe('bold')

    await page.keyboard.press('Enter')
    await copy(page, '# Not a heading\n\n\n\n**not bold**\nsecond line', '<h1>Not a heading</h1>')
    await page.keyboard.press(`${mod}+Shift+KeyV`)
    await expect
      .poll(() => blocks(page))
      .toEqual([
        'h2:Rich heading',
        'p:with bold words',
        'p:# Not a heading',
        'p:**not bold**⏎second line',
      ])

    // Plain text that is not Markdown: its paragraphs, without the blank lines between them.
    await page.keyboard.press('Enter')
    await copy(page, '第一段。\r\n\r\n\r\n第二段，\r\n第二行。')
    await page.keyboard.press(`${mod}+KeyV`)
    await expect
      .poll(async () => (await blocks(page)).slice(4))
      .toEqual(['p:第一段。', 'p:第二段，⏎第二行。'])
    expect(await editor(page).locator('p:empty, p:has(> br:only-child)').count()).toBe(0)

    // In a code block a paste is literal: markup and blank lines kept.
    await page.keyboard.press('Enter')
    await copy(page, '```\nlet a = 1\n```')
    await page.keyboard.press(`${mod}+KeyV`)
    await editor(page).locator('code').waitFor()
    await copy(page, '\n# not a heading\n\n- not a list')
    await page.keyboard.press(`${mod}+KeyV`)
    await expect
      .poll(() => editor(page).locator('code').innerText())
      .toBe('let a = 1\n# not a heading\n\n- not a list')
    expect(await editor(page).locator('h1').count()).toBe(0)
  })

  it('a screen reader hears the finished answer once, not each token, and engine changes once each', async () => {
    await page.keyboard.insertText('The lamps came on along the river.')
    await selectText(page, 'The lamps came on along the river.')
    const from = (await heard(page)).length
    await page.keyboard.press(`${mod}+Alt+KeyR`)
    await page.locator('[data-testid="suggestion"][data-phase="done"]').waitFor({ timeout: 30_000 })
    const answer = (await page.getByTestId('suggestion-text').innerText()).trim()
    expect(answer).not.toBe('')
    // Whatever was said while the card was open: the finished answer, once.
    const said = (await heard(page)).slice(from).filter((entry) => entry.text !== '')
    const fromCard = said.filter(
      (entry) => entry.region === 'card' || entry.region.startsWith('suggestion'),
    )
    expect(fromCard.map((entry) => entry.text.replace(/\s+/g, ' '))).toEqual([
      `Answer ready: ${answer.replace(/\s+/g, ' ')}`,
    ])
    await page.keyboard.press('Escape')
    await page.getByTestId('suggestion').waitFor({ state: 'detached' })

    // The engine's state, since the page opened: each change said once, without the percentage.
    const engine = (await heard(page))
      .filter((entry) => entry.region === 'engine-announce')
      .map((entry) => entry.text)
    expect(engine.at(-1)).toMatch(/^Model ready: Quire tiny test model on [A-Z]+$/)
    expect(engine.some((text) => /%/.test(text))).toBe(false)
    expect(engine.every((text, i) => i === 0 || text !== engine[i - 1])).toBe(true)
  })

  it('auto-suggest, turned on in Settings: a pause shows ghost text, typing dismisses it; turned off, nothing is asked', async () => {
    const setAutoSuggest = async (on: boolean) => {
      await page.getByTestId('open-settings').click()
      await page.getByTestId('setting-auto-suggest').setChecked(on)
      await page.getByTestId('settings-save').click()
      await page.getByTestId('settings-saved').waitFor()
      await page.getByTestId('settings-panel-close').click()
    }
    await setAutoSuggest(true)
    await editor(page).click()
    const ghost = page.getByTestId('ghost-text')

    await page.keyboard.type('The lamps came on')
    const typed = generations()
    const heardBefore = (await heard(page)).length
    await page.clock.fastForward(2_000)
    await expect.poll(() => ghost.getAttribute('data-phase'), { timeout: 30_000 }).toBe('done')
    expect(generations()).toBe(typed + 1)
    const shown = (await ghost.textContent()) ?? ''
    expect(shown).not.toBe('')
    // Grey text only: nothing of it is in the document.
    expect(await documentText(page)).toBe('The lamps came on')
    // Said once, when complete, not as it was written.
    const ghostSaid = (await heard(page))
      .slice(heardBefore)
      .filter((entry) => entry.region === 'ghost-text' && entry.text !== '')
    expect(ghostSaid.map((entry) => entry.text)).toEqual([shown])

    await page.keyboard.type('.')
    await ghost.waitFor({ state: 'detached' })
    expect(await documentText(page)).toBe('The lamps came on.')

    // Off: the same pause asks for nothing. (Mod+Enter then asks once, by hand, to show that
    // the pause has passed with nothing sent before it.)
    await setAutoSuggest(false)
    await editor(page).click()
    await page.keyboard.press('End')
    await page.keyboard.type(' Then')
    const before = generations()
    await page.clock.fastForward(2_000)
    // Two frames: a ghost asked for when the pause ended would be on the page by then.
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    )
    expect(await ghost.count()).toBe(0)
    await page.keyboard.press(`${mod}+Enter`)
    await expect.poll(() => ghost.getAttribute('data-phase'), { timeout: 30_000 }).toBe('done')
    expect(generations()).toBe(before + 1)
  })
})
