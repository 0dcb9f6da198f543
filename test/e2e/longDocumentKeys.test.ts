// The keys a writer moves with, in a 2.5 MB document whose blocks out of sight are skipped by
// Chromium (content-visibility): each lands the caret where it would in a short document, and
// in sight.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from './support/browser'
import { caretView } from './support/caret'
import { mod } from './support/editorPage'
import { openQuire } from './support/documents'
import { startQuireServe, type ServeProcess } from '../support/quireServe'

const LINE = '秋天来了，院子里的梧桐叶一片一片地落下来。我坐在窗前，听风从巷口吹进来。'
const FAR = '远处的灯塔亮了。'
const BLOCKS = 6_001

describe('moving through a 2.5 MB document', () => {
  let browser: Browser
  let serve: ServeProcess
  let page: Page

  beforeAll(async () => {
    ;[browser, serve] = await Promise.all([launchChromium(), startQuireServe([])])
    const paragraphs = Array.from({ length: BLOCKS - 1 }, (_, i) =>
      i % 40 === 0 ? `## 第${i / 40 + 1}章` : i === 4_001 ? FAR + LINE : LINE.repeat(5),
    )
    const text = `# 长篇\n\n${paragraphs.join('\n\n')}\n`
    expect(Buffer.byteLength(text)).toBeGreaterThan(2_500_000)
    writeFileSync(join(serve.docsDir, 'long.md'), text)
    page = await (await browser.newContext({ viewport: { width: 1200, height: 760 } })).newPage()
    await openQuire(page, serve.url)
    await page.locator('[data-testid="doc-item"][data-current][data-path="long.md"]').waitFor()
    await page.locator('[data-testid="editor"] h1').click()
  })
  afterAll(async () => {
    await browser?.close()
    await serve?.stop()
  })

  it('Mod+End and Mod+Home put the caret at the very end and start, in sight; with Shift they select', async () => {
    await page.keyboard.press(`${mod}+End`)
    await expect
      .poll(() => caretView(page))
      .toMatchObject({
        collapsed: true,
        inView: true,
        focus: { block: BLOCKS - 1, offset: LINE.length * 5 },
      })
    await page.keyboard.press(`${mod}+Home`)
    await expect
      .poll(() => caretView(page))
      .toMatchObject({
        collapsed: true,
        inView: true,
        focus: { block: 0, offset: 0 },
      })
    await page.keyboard.press(`${mod}+Shift+End`)
    await expect
      .poll(() => caretView(page))
      .toMatchObject({
        collapsed: false,
        inView: true,
        anchor: { block: 0, offset: 0 },
        focus: { block: BLOCKS - 1, offset: LINE.length * 5 },
      })
    await page.keyboard.press(`${mod}+Shift+Home`)
    await expect
      .poll(() => caretView(page))
      .toMatchObject({
        collapsed: true,
        focus: { block: 0, offset: 0 },
      })
  })

  it('PageDown and PageUp move the caret a screen at a time (Shift selects), and arrows past the window’s edge keep it in sight', async () => {
    const blockAt = async () => (await caretView(page))?.focus.block ?? -1
    let last = await blockAt()
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('PageDown')
      await expect.poll(blockAt).toBeGreaterThan(last)
      await expect.poll(() => caretView(page)).toMatchObject({ inView: true, collapsed: true })
      last = await blockAt()
    }
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowDown')
    await expect.poll(blockAt).toBeGreaterThan(last)
    await expect.poll(() => caretView(page)).toMatchObject({ inView: true })
    last = await blockAt()
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('PageUp')
      await expect.poll(blockAt).toBeLessThan(last)
      await expect.poll(() => caretView(page)).toMatchObject({ inView: true, collapsed: true })
      last = await blockAt()
    }
    // With Shift the selection grows from where the caret was.
    const from = (await caretView(page))?.focus
    await page.keyboard.press('Shift+PageDown')
    await expect.poll(blockAt).toBeGreaterThan(last)
    await expect
      .poll(() => caretView(page))
      .toMatchObject({
        collapsed: false,
        inView: true,
        anchor: from,
      })
  })

  it('Mod+A selects the whole document, and find reaches text far out of sight', async () => {
    await page.keyboard.press(`${mod}+A`)
    await expect
      .poll(() => caretView(page))
      .toMatchObject({
        anchor: { block: 0, offset: 0 },
        focus: { block: BLOCKS - 1, offset: LINE.length * 5 },
      })
    await page.keyboard.press(`${mod}+Home`)
    expect(
      await page.evaluate(
        (far) => (window as unknown as { find(text: string): boolean }).find(far),
        FAR,
      ),
    ).toBe(true)
    await expect
      .poll(() => caretView(page))
      .toMatchObject({
        inView: true,
        anchor: { block: 4_002, offset: 0 },
        focus: { block: 4_002, offset: FAR.length },
      })
  })

  it('a drag that scrolls the page selects from where it started to where it ends', async () => {
    await page.keyboard.press(`${mod}+Home`)
    const start = await page.locator('[data-testid="editor"] p').nth(1).boundingBox()
    expect(start).not.toBeNull()
    if (!start) return
    await page.mouse.move(start.x + 4, start.y + 4)
    await page.mouse.down()
    // Held below the window's edge, the page scrolls on by itself (the browser's autoscroll).
    await page.mouse.move(start.x + 200, 790, { steps: 4 })
    await expect
      .poll(() => page.evaluate(() => window.scrollY), { timeout: 10_000 })
      .toBeGreaterThan(1_500)
    await page.mouse.move(start.x + 200, 500, { steps: 2 })
    await page.mouse.up()
    await expect
      .poll(() => caretView(page))
      .toMatchObject({
        collapsed: false,
        inView: true,
        anchor: { block: 3, offset: 0 },
      })
    // Past the blocks Chromium was skipping when the drag began (more than a screen and a half down).
    expect((await caretView(page))?.focus.block).toBeGreaterThan(8)
  })
})
