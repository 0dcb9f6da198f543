import { existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchChromium } from './support/browser'
import { documentText, mod } from './support/editorPage'
import {
  filesIn,
  freePort,
  openQuire,
  recordCalls,
  screenshot,
  waitForSaveState,
} from './support/documents'
import { startQuireServe, type ServeProcess } from '../support/quireServe'

const WRITES = ['saveDocument', 'backupDocument', 'createDocument', 'discardBackup']

describe('documents as files on disk, through quire serve', () => {
  let browser: Browser
  let serve: ServeProcess
  let context: BrowserContext
  let page: Page
  let port: number

  const restart = async (): Promise<void> => {
    await serve.stop()
    serve = await startQuireServe(['--port', String(port)], serve.dataDir, serve.docsDir)
  }

  beforeAll(async () => {
    port = await freePort()
    ;[browser, serve] = await Promise.all([
      launchChromium(),
      startQuireServe(['--port', String(port)]),
    ])
    context = await browser.newContext({ viewport: { width: 1200, height: 760 } })
    page = await context.newPage()
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
    await serve?.stop()
  })

  it('writes what the writer types to a Markdown file, and opens it again after a restart', async () => {
    await openQuire(page, serve.url)
    await page.getByTestId('doc-new').click()
    await page.getByTestId('doc-item').first().waitFor()
    await page.getByTestId('editor').click()
    await page.keyboard.type('# Heading')
    await page.keyboard.press('Enter')
    await page.keyboard.type('A first paragraph, with 中文 too.')
    await waitForSaveState(page, 'saved')
    // Named from its first line, as iA Writer does.
    await expect
      .poll(() => filesIn(serve.docsDir))
      .toEqual({
        'Heading.md': '# Heading\n\nA first paragraph, with 中文 too.\n',
      })
    await expect.poll(() => page.getByTestId('doc-title').innerText()).toBe('Heading')

    await restart()
    await openQuire(page, serve.url)
    expect(await documentText(page)).toBe('Heading\nA first paragraph, with 中文 too.')
    await expect.poll(() => page.getByTestId('word-count').getAttribute('data-words')).toBe('8')
  })

  it('shows an edit made on disk by another program, and asks when it meets unsaved edits', async () => {
    const file = join(serve.docsDir, 'Heading.md')
    writeFileSync(file, '# Heading\n\nRewritten in another editor.\n')
    await expect.poll(() => documentText(page)).toBe('Heading\nRewritten in another editor.')
    await waitForSaveState(page, 'saved')

    await page.getByTestId('editor').click()
    await page.keyboard.press(`${mod}+End`)
    await page.keyboard.type(' Mine.')
    writeFileSync(file, '# Heading\n\nTheirs, from a sync tool.\n')
    await page.getByTestId('conflict-bar').waitFor()
    expect(await page.getByTestId('save-state').getAttribute('data-state')).toBe('conflict')
    // Nothing is written over the other program's text while the writer decides.
    await page.waitForTimeout(1_500)
    expect(readFileSync(file, 'utf8')).toBe('# Heading\n\nTheirs, from a sync tool.\n')
    await screenshot(page, 'documents-conflict')

    await page.getByTestId('conflict-keep-mine').click()
    await waitForSaveState(page, 'saved')
    expect(readFileSync(file, 'utf8')).toBe('# Heading\n\nRewritten in another editor. Mine.\n')
  })

  it('keeps both tabs’ text when two tabs edit one document, and a tab that only opens writes nothing', async () => {
    const other = await context.newPage()
    const calls = recordCalls(other)
    await openQuire(other, serve.url)
    expect(await documentText(other)).toBe(await documentText(page))
    await other.waitForTimeout(2_500)
    expect(calls.filter((method) => WRITES.includes(method))).toEqual([])

    await other.getByTestId('editor').click()
    await other.keyboard.press(`${mod}+End`)
    await other.keyboard.type(' From the second tab.')
    await expect
      .poll(() => documentText(page), { timeout: 10_000 })
      .toContain('Mine. From the second tab.')
    await page.getByTestId('editor').click()
    await page.keyboard.press(`${mod}+End`)
    await page.keyboard.type(' And from the first.')
    await expect
      .poll(() => documentText(other), { timeout: 10_000 })
      .toContain('From the second tab. And from the first.')
    await waitForSaveState(page, 'saved')
    expect(readFileSync(join(serve.docsDir, 'Heading.md'), 'utf8')).toBe(
      '# Heading\n\nRewritten in another editor. Mine. From the second tab. And from the first.\n',
    )
    await other.close()
  })

  it('saves a multi-megabyte document, changing only what the writer typed', async () => {
    const line = '秋天来了，院子里的梧桐叶一片一片地落下来。我坐在窗前，听风从巷口吹进来。'
    const paragraphs = Array.from({ length: 6_000 }, (_, i) =>
      i % 40 === 0 ? `## 第${i / 40 + 1}章` : line.repeat(5),
    )
    const big = `# 长篇\n\n${paragraphs.join('\n\n')}\n`
    expect(Buffer.byteLength(big)).toBeGreaterThan(2_500_000)
    writeFileSync(join(serve.docsDir, 'long.md'), big)
    const item = page.locator('[data-testid="doc-item"][data-path="long.md"]')
    await item.waitFor()
    await item.locator('button').first().click()
    await page.locator('[data-testid="doc-item"][data-current][data-path="long.md"]').waitFor()
    await page
      .locator('[data-testid="editor"][contenteditable="true"]')
      .waitFor({ timeout: 30_000 })
    await page.getByTestId('editor').click()
    await page.keyboard.press(`${mod}+End`)
    await page.keyboard.type('终')
    // And back to the very start, across 2.5 MB of blocks the browser skips out of sight.
    await page.keyboard.press(`${mod}+Home`)
    await page.keyboard.type('序')
    await waitForSaveState(page, 'saved', 30_000)
    expect(readFileSync(join(serve.docsDir, 'long.md'), 'utf8')).toBe(
      big.replace('# 长篇', '# 序长篇').replace(/。\n$/, '。终\n'),
    )
    // The next tests open the newest document: not this one.
    await page.locator('[data-testid="doc-item"][data-path="Heading.md"] button').first().click()
    await page.locator('[data-testid="doc-item"][data-current][data-path="Heading.md"]').waitFor()
    rmSync(join(serve.docsDir, 'long.md'))
    await page
      .locator('[data-testid="doc-item"][data-path="long.md"]')
      .waitFor({ state: 'detached' })
  })

  it('lists the folder newest first, filters it, renames, and deletes with undo', async () => {
    const write = (name: string, text: string, minutesAgo: number): void => {
      const file = join(serve.docsDir, name)
      writeFileSync(file, text)
      const when = new Date(Date.now() - minutesAgo * 60_000)
      utimesSync(file, when, when)
    }
    mkdirSync(join(serve.docsDir, 'poems'))
    write('autumn.md', '# Autumn Notes\n\nLeaves on the steps, and the smell of rain.\n', 5)
    write('letter.md', '# A Letter to My Sister\n\nDear Ana, the house is quiet now.\n', 90)
    write('poems/river.md', '# River Poem\n\nThe river ran on under the lamps.\n', 60 * 30)
    await page.getByTestId('doc-item').nth(3).waitFor()
    const names = () => page.getByTestId('doc-item').locator('.doc-item-title').allInnerTexts()
    await expect
      .poll(names)
      .toEqual(['Heading', 'Autumn Notes', 'A Letter to My Sister', 'River Poem'])
    await page.locator('[data-testid="doc-item"][data-path="autumn.md"] button').first().click()
    await expect.poll(() => documentText(page)).toContain('Leaves on the steps')
    await expect.poll(() => page.getByTestId('word-count').getAttribute('data-words')).toBe('11')
    await screenshot(page, 'documents-list')

    await page.getByTestId('doc-filter').fill('sister')
    expect(await names()).toEqual(['A Letter to My Sister'])
    await page.getByTestId('doc-filter').fill('')

    const letter = page.locator('[data-testid="doc-item"][data-path="letter.md"]')
    await letter.hover()
    await letter.getByTestId('doc-rename').click()
    await page.getByTestId('doc-rename-input').fill('to Ana')
    await page.getByTestId('doc-rename-input').press('Enter')
    await page.locator('[data-testid="doc-item"][data-path="to Ana.md"]').waitFor()
    expect(existsSync(join(serve.docsDir, 'to Ana.md'))).toBe(true)

    // Deleting the open document moves to another one, and Undo brings the file back.
    const autumn = page.locator('[data-testid="doc-item"][data-path="autumn.md"]')
    await autumn.hover()
    await autumn.getByTestId('doc-delete').click()
    await page.getByTestId('doc-undo').waitFor()
    await autumn.waitFor({ state: 'detached' })
    expect(existsSync(join(serve.docsDir, 'autumn.md'))).toBe(false)
    await page.getByTestId('doc-undo').getByRole('button').click()
    await page.locator('[data-testid="doc-item"][data-current][data-path="autumn.md"]').waitFor()
    expect(readFileSync(join(serve.docsDir, 'autumn.md'), 'utf8')).toContain('Leaves on the steps')
  })

  it('shows the desk in Chinese, counting each character as a word', async () => {
    const essay =
      '# 秋天的声音\n\n秋天来了，院子里的梧桐叶一片一片地落下来。我坐在窗前，听风从巷口吹进来。\n'
    writeFileSync(join(serve.docsDir, '秋天的声音.md'), essay)
    const hanCharacters = [...essay.matchAll(/\p{Script=Han}/gu)].length
    const zh = await browser.newContext({ viewport: { width: 1200, height: 760 }, locale: 'zh-CN' })
    const chinese = await zh.newPage()
    await openQuire(chinese, serve.url)
    await chinese
      .locator('[data-testid="doc-item"][data-path="秋天的声音.md"] button')
      .first()
      .click()
    await expect.poll(() => documentText(chinese)).toContain('梧桐叶')
    // One word per character, as word processors count Chinese.
    await expect
      .poll(() => chinese.getByTestId('word-count').getAttribute('data-words'))
      .toBe(String(hanCharacters))
    expect(await chinese.getByTestId('save-state').innerText()).toBe('已保存')
    await screenshot(chinese, 'documents-list-zh')
    await zh.close()
  })

  it('exports the open document as a self-contained HTML page and a Word file', async () => {
    const download = async (button: string) => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId(button).click(),
      ])
      const path = await file.path()
      return { name: file.suggestedFilename(), bytes: readFileSync(path) }
    }
    const html = await download('export-html')
    expect(html.name).toMatch(/\.html$/)
    expect(html.bytes.toString('utf8')).toContain('Leaves on the steps')
    const docx = await download('export-docx')
    expect(docx.name).toMatch(/\.docx$/)
    // A .docx is a zip archive.
    expect(docx.bytes.subarray(0, 2).toString('latin1')).toBe('PK')
  })

  it('shows the documents folder in Settings and refuses a folder that is not a full path', async () => {
    await page.getByTestId('open-settings').click()
    await expect
      .poll(() => page.getByTestId('documents-folder-in-effect').innerText())
      .toContain(serve.docsDir)
    await page.getByTestId('setting-documents-folder').fill('notes')
    await page.getByTestId('settings-save').click()
    await expect
      .poll(() => page.getByTestId('setting-documents-folder-error').innerText())
      .toContain('full folder path')
    await page.getByTestId('settings-panel-close').click()
  })
})
