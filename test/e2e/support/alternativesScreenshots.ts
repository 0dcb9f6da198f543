/**
 * The README's pictures of the suggestion card's versions side by side, its diff view, and
 * ghost text at the cursor, in English and Chinese at 1280×800 and 900×700. Not a test: run it
 * by hand after `npx electron-vite build`:
 *   npx tsx --tsconfig tsconfig.e2e.json test/e2e/support/alternativesScreenshots.ts
 */
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from './browser'
import { newDocument, selectText, waitForEngineReady } from './editorPage'
import { startQuireServe } from '../../support/quireServe'
import { TINY_QWEN_VOCAB_MODEL_PATH } from '../../fixtures/paths'

const OUT = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url))
const REWRITE = 'Control+Alt+KeyR'

const text = {
  en: {
    passage:
      'The lamps came on along the river, one by one. My grandmother walked home slowly, her basket on her arm.',
    sentence: 'My grandmother walked home slowly, her basket on her arm.',
  },
  zh: {
    passage: '秋天的风吹过老街，我想起了外婆。她总在黄昏时坐在门口剥豆子，一颗一颗落进搪瓷盆里。',
    sentence: '她总在黄昏时坐在门口剥豆子，一颗一颗落进搪瓷盆里。',
  },
} as const
type Language = keyof typeof text
const sizes = [
  { width: 1280, height: 800 },
  { width: 900, height: 700 },
] as const

async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 50))
}

/** Lets every answer being written reach a few lines, then stops them. */
async function writeSome(page: Page, testId: string, chars: number): Promise<void> {
  await until(async () =>
    (await page.getByTestId(testId).allInnerTexts()).every((t) => t.trim().length >= chars),
  )
  await page
    .getByTestId('suggestion-stop')
    .click({ timeout: 1_000 })
    .catch(() => {})
  await until(
    async () => (await page.getByTestId('suggestion').getAttribute('data-phase')) === 'done',
  )
}

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

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true })
  const [browser, serve] = await Promise.all([
    launchChromium(),
    startQuireServe(['--model', TINY_QWEN_VOCAB_MODEL_PATH]),
  ])
  try {
    for (const language of ['en', 'zh'] as const)
      for (const size of sizes) await shoot(browser, serve.url, language, size)
  } finally {
    await browser.close()
    await serve.stop()
  }
}

await main()
