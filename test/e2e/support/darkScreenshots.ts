/**
 * The README's dark-theme pictures: the suggestion card with two answers (◀ 2/2 ▶) and its diff,
 * the versions side by side, the command palette and ghost text, in English and Chinese at
 * 1280×800 and 900×700. Not a test: run it by hand after `npx electron-vite build`:
 *   QUIRE_SCREENSHOTS=docs npx tsx --tsconfig tsconfig.e2e.json test/e2e/support/darkScreenshots.ts
 */
import type { Browser } from 'playwright-core'
import { screenshot } from './documents'
import { newDocument, selectText, waitForEngineReady } from './editorPage'
import type { sizes } from './cardShots'
import { REWRITE, shootEverySize, text, until, writeSome, type Language } from './cardShots'

async function shoot(
  browser: Browser,
  url: string,
  language: Language,
  size: (typeof sizes)[number],
) {
  const name = (what: string) => `${what}-dark-${language}-${size.width}`
  const context = await browser.newContext({
    viewport: size,
    colorScheme: 'dark',
    locale: language === 'zh' ? 'zh-CN' : 'en-US',
  })
  const page = await context.newPage()
  await page.goto(url)
  await waitForEngineReady(page)
  await newDocument(page)
  await page.keyboard.insertText(text[language].passage)
  await selectText(page, text[language].sentence)
  await page.getByTestId('ai-toolbar').waitFor()

  await page.keyboard.press('Control+KeyK')
  await page.getByTestId('command-palette').waitFor()
  await page.keyboard.type(text[language].search)
  await screenshot(page, name('palette'))
  await page.keyboard.press('Escape')
  await page.getByTestId('command-palette').waitFor({ state: 'detached' })

  await page.keyboard.press(REWRITE)
  await writeSome(page, 'suggestion-text', 24)
  // A second answer with text in it (the tiny model's stopped answer is sometimes cleaned away).
  for (let tries = 0; tries < 4; tries++) {
    await page.getByTestId('suggestion-retry').click()
    await until(async () =>
      /^(\d+)\/\1$/.test(await page.getByTestId('suggestion-counter').innerText()),
    )
    await writeSome(page, 'suggestion-text', 24)
    if (await page.getByTestId('suggestion-accept').isEnabled()) break
  }
  await page.getByTestId('suggestion-diff').click()
  await screenshot(page, name('card-diff'))
  await page.getByTestId('suggestion-diff').click()
  await page.getByTestId('suggestion-versions').click()
  await page.locator('[data-testid="suggestion"][data-layout="side-by-side"]').waitFor()
  await writeSome(page, 'suggestion-version', 40)
  await screenshot(page, name('card-versions'))
  await page.getByTestId('suggestion-reject').click()
  await page.getByTestId('suggestion').waitFor({ state: 'detached' })

  await page.keyboard.press('Control+End')
  await page.keyboard.press('Control+Enter')
  await until(
    async () => (await page.getByTestId('ghost-text').getAttribute('data-phase')) === 'done',
  )
  await screenshot(page, name('ghost-text'))
  await context.close()
}

await shootEverySize(shoot)
