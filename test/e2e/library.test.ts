import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchChromium, snapshot } from './support/browser'
import { newDocument, selectText, waitForEngineReady } from './support/editorPage'
import { startQuireServe, type ServeProcess } from '../support/quireServe'
import { TINY_MODEL_PATH } from '../fixtures/paths'

const SENTENCE = 'My grandmother walked home slowly.'

describe('the Library panel', () => {
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
    context = await browser.newContext({ viewport: { width: 1280, height: 860 } })
    page = await context.newPage()
    await page.goto(serve.url)
    await waitForEngineReady(page)
    await newDocument(page)
    await page.keyboard.type(`The lamps came on along the river. ${SENTENCE}`)
  })
  afterEach(() => context?.close())

  it('duplicates a bundled prompt, edits its style, runs it on the selection and shows the edited prompt', async () => {
    await selectText(page, SENTENCE)
    await page.getByTestId('open-library').click()
    await page.getByTestId('library-search').fill('lyrical')
    await page
      .locator('[data-testid="library-row"][data-id="rewrite.lyrical"][data-language="en"]')
      .click()
    await expect.poll(() => page.getByTestId('library-source').innerText()).toContain('## Style')
    await page.getByTestId('library-duplicate').click()

    // The copy is the writer's own and opens in the editor.
    await page.locator('[data-testid="library-editor"][data-origin="user"]').waitFor()
    const body = page.getByTestId('library-body')
    await expect.poll(() => body.inputValue()).toContain('in a warm voice touched with wistfulness')
    const original = await body.inputValue()
    await body.fill(
      original.replace(
        'in a warm voice touched with wistfulness',
        'in the gruff voice of an old sea captain',
      ),
    )
    await page.getByTestId('library-field-title').fill('Sea captain')
    await page.getByTestId('library-field-maxTokens').fill('300')
    await page.getByTestId('library-save').click()
    await page.getByTestId('library-message').waitFor()
    await expect
      .poll(() => page.getByTestId('prompt-user').innerText())
      .toContain('old sea captain')
    await expect.poll(() => page.getByTestId('prompt-user').innerText()).toContain(SENTENCE)
    await snapshot(page, 'library-1-edited')

    // The file is in the writer's folder, front matter edited in place.
    const saved = await readFile(
      join(serve.dataDir, 'prompts', 'en', 'rewrite.lyrical-copy.md'),
      'utf8',
    )
    expect(saved).toContain('title: Sea captain')
    expect(saved).toMatch(/^maxTokens: 300$/m)
    expect(saved).toContain('old sea captain')

    await page.getByTestId('library-run').click()
    await page.getByTestId('library-panel').waitFor({ state: 'detached' })
    await page.locator('[data-testid="suggestion"][data-phase="done"]').waitFor()
    await page.getByTestId('suggestion-show-prompt').click()
    await expect
      .poll(() => page.getByTestId('prompt-user').innerText())
      .toContain('old sea captain')
    await snapshot(page, 'library-2-show-prompt')

    // The new style is in the toolbar's Rewrite menu too.
    await page.getByTestId('suggestion-reject').click()
    await selectText(page, SENTENCE)
    await expect
      .poll(() => page.getByTestId('rewrite-style').locator('option').allInnerTexts())
      .toContain('Sea captain')
  })

  it('refuses to save a prompt without its Style section and says why, keeping the text', async () => {
    await page.getByTestId('open-library').click()
    await page
      .locator('[data-testid="library-row"][data-id="rewrite.concise"][data-language="en"]')
      .click()
    await page.getByTestId('library-duplicate').click()
    await page.locator('[data-testid="library-editor"][data-origin="user"]').waitFor()
    const body = page.getByTestId('library-body')
    await expect.poll(() => body.inputValue()).toContain('## Style')
    const broken = (await body.inputValue()).replace('## Style', '## Mood')
    await body.fill(broken)
    await expect.poll(() => page.getByTestId('library-problems').innerText()).toContain('## Style')
    expect(await page.getByTestId('library-save').isDisabled()).toBe(true)
    expect(await body.inputValue()).toBe(broken)
  })

  it('shows a broken file dropped into the prompts folder with its file and line, and loads the rest', async () => {
    const folder = join(serve.dataDir, 'prompts', 'en')
    await mkdir(folder, { recursive: true })
    await writeFile(
      join(folder, 'broken.md'),
      '---\nid: rewrite.broken\nkind: sonnet\ntitle: Broken\n---\n## Role\nx\n## Style\ny\n## Constraint\nz\n',
    )
    await page.getByTestId('open-library').click()
    await expect
      .poll(() => page.getByTestId('library-file-problems').innerText(), { timeout: 10_000 })
      .toMatch(/broken\.md:3 \(kind\)/)
    expect(await page.locator('[data-testid="library-row"]').count()).toBeGreaterThan(40)
    await snapshot(page, 'library-3-problem')
  })

  it('edits the default persona, and the next action sends the writer’s version as its system message', async () => {
    await page.getByTestId('open-library').click()
    await page.getByTestId('persona-select').selectOption('default:en')
    const text = page.getByTestId('persona-text')
    await expect.poll(() => text.inputValue()).toContain('You are Quire')
    await text.fill(`${await text.inputValue()}\nPrefer images from the sea and harbours.`)
    await page.getByTestId('persona-save').click()
    await page.getByTestId('persona-message').waitFor()
    const saved = await readFile(join(serve.dataDir, 'personas', 'en', 'default.md'), 'utf8')
    expect(saved).toContain('Prefer images from the sea and harbours.')
    await page.getByTestId('library-panel-close').click()

    await selectText(page, SENTENCE)
    await page.getByTestId('action-rewrite').click()
    await page.locator('[data-testid="suggestion"][data-phase="done"]').waitFor()
    await page.getByTestId('suggestion-show-prompt').click()
    await expect
      .poll(() => page.getByTestId('prompt-system').innerText())
      .toContain('Prefer images from the sea and harbours.')
  })
})
