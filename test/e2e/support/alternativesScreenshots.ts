/**
 * The README's pictures of the suggestion card's versions side by side, its diff view, and
 * ghost text at the cursor, in English and Chinese at 1280×800 and 900×700. Not a test: run it
 * by hand after `npx electron-vite build`:
 *   npx tsx --tsconfig tsconfig.e2e.json test/e2e/support/alternativesScreenshots.ts
 */
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { newDocument, selectText, waitForEngineReady } from './editorPage'
import type { sizes } from './cardShots'
import { REWRITE, shootEverySize, text, until, writeSome, type Language } from './cardShots'

const OUT = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url))

async function shoot(
  browser: Browser,
  url: string,
  language: Language,
  size: (typeof sizes)[number],
) {
  const name = (what: string) => `${OUT}${what}-${language}-${size.width}.png`
  const context = await browser.newContext({
    viewport: size,
    locale: language === 'zh' ? 'zh-CN' : 'en-US',
  })
  const page = await context.newPage()
  await page.goto(url)
  await waitForEngineReady(page)
  await newDocument(page)
  await page.keyboard.insertText(text[language].passage)
  await selectText(page, text[language].sentence)
  await page.getByTestId('ai-toolbar').waitFor()
  await page.keyboard.press(REWRITE)
  await writeSome(page, 'suggestion-text', 12)
  await page.getByTestId('suggestion-versions').click()
  await page.locator('[data-testid="suggestion"][data-layout="side-by-side"]').waitFor()
  await writeSome(page, 'suggestion-version', 40)
  await page.screenshot({ path: name('card-versions') })
  await page.getByTestId('suggestion-diff').click()
  await page.screenshot({ path: name('card-diff') })
  await page.getByTestId('suggestion-reject').click()
  await page.getByTestId('suggestion').waitFor({ state: 'detached' })

  await page.keyboard.press('Control+End')
  await page.keyboard.press('Control+Enter')
  await until(
    async () => (await page.getByTestId('ghost-text').getAttribute('data-phase')) === 'done',
  )
  await page.screenshot({ path: name('ghost-text') })
  await context.close()
}

mkdirSync(OUT, { recursive: true })
await shootEverySize(shoot)
