/**
 * The README's suggestion-card screenshots, in English and Chinese: the card waiting for the
 * model, streaming with its progress, beside a selection taller than the window, and with
 * Show prompt open. Not a test: run it by hand after `npx electron-vite build`:
 *   npx tsx --tsconfig tsconfig.e2e.json test/e2e/support/screenshots.ts
 */
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from './browser'
import { focusEditor, selectBetween, selectText } from './editorPage'
import { startQuireServe } from '../../support/quireServe'
import { TINY_QWEN_VOCAB_MODEL_PATH } from '../../fixtures/paths'

const OUT = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url))
const REWRITE = 'Control+Alt+KeyR'

const text = {
  en: {
    passage:
      'The lamps came on along the river, one by one. My grandmother walked home slowly, her basket on her arm.',
    sentence: 'My grandmother walked home slowly, her basket on her arm.',
    line: (n: number) => `Line ${n}: the river kept its slow dark counsel under the bridges.`,
  },
  zh: {
    passage: '秋天的风吹过老街，我想起了外婆。她总在黄昏时坐在门口剥豆子，一颗一颗落进搪瓷盆里。',
    sentence: '她总在黄昏时坐在门口剥豆子，一颗一颗落进搪瓷盆里。',
    line: (n: number) => `第${n}行：河水在桥下缓缓流过，带走了整个夏天的声音。`,
  },
} as const
type Language = keyof typeof text

const phase = (page: Page) => page.getByTestId('suggestion').getAttribute('data-phase')

async function open(browser: Browser, url: string, language: Language, width = 1000) {
  const context = await browser.newContext({
    viewport: { width, height: 720 },
    locale: language === 'zh' ? 'zh-CN' : 'en-US',
  })
  const page = await context.newPage()
  await page.goto(url)
  await focusEditor(page)
  return page
}

/** Waiting for the load, then streaming, then Show prompt open: one fresh server per language. */
async function waitingStreamingPrompt(browser: Browser, language: Language): Promise<void> {
  process.env.QUIRE_TEST_LOAD_DELAY_MS = '5000'
  const serve = await startQuireServe(['--model', TINY_QWEN_VOCAB_MODEL_PATH])
  delete process.env.QUIRE_TEST_LOAD_DELAY_MS
  try {
    const page = await open(browser, serve.url, language)
    await page.keyboard.insertText(text[language].passage)
    await selectText(page, text[language].sentence)
    await page.keyboard.press(REWRITE)
    await page.getByTestId('suggestion-load-progress').waitFor()
    await page.screenshot({ path: `${OUT}suggestion-waiting-${language}.png` })
    while ((await phase(page)) !== 'streaming') await page.waitForTimeout(20)
    while ((await page.getByTestId('suggestion-text').innerText()).length < 40)
      await page.waitForTimeout(20)
    await page.screenshot({ path: `${OUT}suggestion-streaming-${language}.png` })
    while ((await phase(page)) !== 'done') await page.waitForTimeout(50)
    await page.getByTestId('suggestion-show-prompt').click()
    await page.getByTestId('suggestion-prompt').waitFor()
    await page.screenshot({ path: `${OUT}suggestion-prompt-${language}.png` })
    await tall(browser, serve.url, language)
  } finally {
    await serve.stop()
  }
}

/** A selection taller than the window: the card sits beside it on a wide window. */
async function tall(browser: Browser, url: string, language: Language): Promise<void> {
  const page = await open(browser, url, language, 1500)
  const lines = Array.from({ length: 22 }, (_, i) => text[language].line(i + 1))
  await page.keyboard.insertText(lines.join('\n'))
  await selectBetween(page, lines[0]!, lines.at(-1)!)
  await page.keyboard.press(REWRITE)
  while ((await phase(page)) !== 'streaming') await page.waitForTimeout(20)
  await page.waitForTimeout(1_500)
  await page.screenshot({ path: `${OUT}suggestion-tall-${language}.png` })
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true })
  const browser = await launchChromium()
  try {
    for (const language of ['en', 'zh'] as const) await waitingStreamingPrompt(browser, language)
  } finally {
    await browser.close()
  }
}

await main()
