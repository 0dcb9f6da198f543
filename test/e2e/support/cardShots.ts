/** What the by-hand screenshot scripts of the suggestion card share: the passages and sizes. */
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from './browser'
import { startQuireServe } from '../../support/quireServe'
import { TINY_QWEN_VOCAB_MODEL_PATH } from '../../fixtures/paths'

export const REWRITE = 'Control+Alt+KeyR'

export const text = {
  en: {
    passage:
      'The lamps came on along the river, one by one. My grandmother walked home slowly, her basket on her arm.',
    sentence: 'My grandmother walked home slowly, her basket on her arm.',
    search: 'lyrical',
  },
  zh: {
    passage: '秋天的风吹过老街，我想起了外婆。她总在黄昏时坐在门口剥豆子，一颗一颗落进搪瓷盆里。',
    sentence: '她总在黄昏时坐在门口剥豆子，一颗一颗落进搪瓷盆里。',
    search: '抒情',
  },
} as const
export type Language = keyof typeof text
export const sizes = [
  { width: 1280, height: 800 },
  { width: 900, height: 700 },
] as const

export async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 50))
}

/** Lets every answer being written reach a few lines, then stops them. */
export async function writeSome(page: Page, testId: string, chars: number): Promise<void> {
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

/** Starts Chromium and `quire serve` on the tiny model, and takes `shoot` in each language and size. */
export async function shootEverySize(
  shoot: (
    browser: Browser,
    url: string,
    language: Language,
    size: (typeof sizes)[number],
  ) => Promise<void>,
): Promise<void> {
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
