import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { defaultReplacements } from '@shared/postprocess'
import type { Settings } from '@shared/settings/schema'
import { launchChromium, snapshot } from './support/browser'
import { waitForEngineReady } from './support/editorPage'
import { startQuireServe, type ServeProcess } from '../support/quireServe'
import { TINY_MODEL_PATH } from '../fixtures/paths'

/** settings.json as the host wrote it (loading a model writes it too), or null before that. */
async function savedFile(serve: ServeProcess): Promise<Settings | null> {
  try {
    return JSON.parse(await readFile(join(serve.dataDir, 'settings.json'), 'utf8')) as Settings
  } catch {
    return null
  }
}

async function openSettings(page: Page): Promise<void> {
  await page.getByTestId('open-settings').click()
  await page.getByTestId('setting-context-size').waitFor()
}

/** Every updateSettings request the page sends, as sent. */
function recordPatches(page: Page): unknown[] {
  const patches: unknown[] = []
  page.on('websocket', (socket) =>
    socket.on('framesent', ({ payload }) => {
      const message = JSON.parse(String(payload)) as { method?: string; params?: unknown }
      if (message.method === 'updateSettings') patches.push(message.params)
    }),
  )
  return patches
}

const save = (page: Page) => page.getByTestId('settings-save')
const rows = (page: Page) => page.getByTestId('replacement-row')

describe('the Settings panel against quire serve', () => {
  let browser: Browser
  let serve: ServeProcess
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(() => browser?.close())
  beforeEach(async () => {
    // Each test saves settings: its own server, so its own data folder.
    serve = await startQuireServe(['--model', TINY_MODEL_PATH])
    context = await browser.newContext({ viewport: { width: 1100, height: 900 } })
    page = await context.newPage()
  })
  afterEach(async () => {
    await context?.close()
    await serve?.stop()
  })

  async function start(): Promise<void> {
    await page.goto(serve.url)
    await waitForEngineReady(page)
    await openSettings(page)
  }

  it('saves only what changed, reloads the model with it, and keeps it after a reload', async () => {
    const patches = recordPatches(page)
    await start()
    // Asking llama.cpp about the hardware can take a while on a cold start.
    await page
      .locator('[data-testid="hardware-info"][data-phase="ready"]')
      .waitFor({ timeout: 45_000 })
    expect(await save(page).isDisabled()).toBe(true)
    await snapshot(page, 'settings-1-open')

    await page.getByTestId('setting-context-size').fill('1024')
    await page.getByTestId('setting-prompt-language').selectOption('zh')
    expect(await save(page).isEnabled()).toBe(true)
    await save(page).click()
    await page.getByTestId('settings-saved').waitFor()
    expect(await save(page).isDisabled()).toBe(true)
    expect(patches).toEqual([{ engine: { contextSize: 1024 }, promptLanguage: 'zh' }])
    // The model was loaded again with the new context size (the tiny model's own limit is 2048).
    await expect.poll(() => page.getByTestId('engine-loaded').innerText()).toMatch(/context 1,?024/)
    await snapshot(page, 'settings-2-saved')

    const file = await savedFile(serve)
    expect(file?.engine.contextSize).toBe(1024)
    expect(file?.promptLanguage).toBe('zh')

    await page.reload()
    await openSettings(page)
    expect(await page.getByTestId('setting-context-size').inputValue()).toBe('1024')
    expect(await page.getByTestId('setting-prompt-language').inputValue()).toBe('zh')
    // Typing a value and then the saved one again leaves nothing to save.
    await page.getByTestId('setting-context-size').fill('4096')
    expect(await save(page).isEnabled()).toBe(true)
    await page.getByTestId('setting-context-size').fill('1024')
    expect(await save(page).isDisabled()).toBe(true)
  })

  it('shows a refused context size at the field, keeps what was typed, and saves once it is fixed', async () => {
    await start()
    const before = await savedFile(serve)
    const contextSize = page.getByTestId('setting-context-size')
    await contextSize.fill('100')
    await page.getByTestId('setting-prompt-language').selectOption('en')
    await save(page).click()

    const error = page.getByTestId('setting-context-size-error')
    await error.waitFor()
    expect(await error.innerText()).toMatch(/512/)
    expect(await page.getByTestId('settings-error').innerText()).toMatch(/Nothing was saved/)
    expect(await contextSize.getAttribute('aria-invalid')).toBe('true')
    expect(await contextSize.inputValue()).toBe('100')
    expect(await page.getByTestId('setting-prompt-language').inputValue()).toBe('en')
    expect(await savedFile(serve)).toEqual(before)
    await snapshot(page, 'settings-3-refused')

    await contextSize.fill('3000')
    await error.waitFor({ state: 'detached' })
    await save(page).click()
    await page.getByTestId('settings-saved').waitFor()
    const file = await savedFile(serve)
    expect(file?.engine.contextSize).toBe(3000)
    expect(file?.promptLanguage).toBe('en')
  })

  it('refuses a server address that is not a URL at its field, and says why a key cannot be stored here', async () => {
    await start()
    const before = await savedFile(serve)
    await page.getByTestId('setting-backend').getByText('A server').click()
    await expect.poll(() => page.getByTestId('hardware-info').count()).toBe(0)
    const key = page.getByTestId('setting-remote-key')
    expect(await key.isDisabled()).toBe(true)
    expect(await page.getByTestId('settings-panel').innerText()).toMatch(/QUIRE_REMOTE_API_KEY/)

    await page.getByTestId('setting-remote-url').fill('my server')
    await page.getByTestId('setting-remote-model').fill('qwen3-4b')
    await save(page).click()
    const error = page.getByTestId('setting-remote-url-error')
    await error.waitFor()
    expect(await error.innerText()).toMatch(/http/)
    expect(await page.getByTestId('setting-remote-url').inputValue()).toBe('my server')
    expect(await page.getByTestId('setting-remote-model').inputValue()).toBe('qwen3-4b')
    expect(await savedFile(serve)).toEqual(before)
    await snapshot(page, 'settings-4-server-refused')
  })

  it('edits the English clean-up phrases, refuses a rule that contains its own phrase, and round-trips them', async () => {
    await start()
    await page.getByTestId('phrases-tab-en').click()
    const list = page.getByTestId('phrases-en')
    expect(await list.getByTestId('replacement-default-row').count()).toBe(
      defaultReplacements.en.length,
    )
    expect(await rows(page).count()).toBe(0)

    await list.getByTestId('phrases-use-defaults').uncheck()
    expect(await rows(page).count()).toBe(defaultReplacements.en.length)
    await rows(page).first().getByTestId('replacement-to').fill('dig into')
    await rows(page).last().getByTestId('replacement-remove').click()
    await page.getByTestId('replacement-add').click()
    await rows(page).last().getByTestId('replacement-from').fill('quiet')
    await rows(page).last().getByTestId('replacement-to').fill('very quiet')
    await save(page).click()

    const rowError = rows(page).last().getByTestId('replacement-error')
    await rowError.waitFor()
    expect(await rowError.innerText()).toMatch(/must not contain/)
    expect(await rows(page).count()).toBe(defaultReplacements.en.length)
    // The writer is taken to the rule at fault.
    expect(
      await rows(page)
        .last()
        .getByTestId('replacement-from')
        .evaluate((input) => input === document.activeElement),
    ).toBe(true)
    await snapshot(page, 'settings-5-phrase-refused')

    await rows(page).last().getByTestId('replacement-to').fill('hushed')
    await rowError.waitFor({ state: 'detached' })
    await save(page).click()
    await page.getByTestId('settings-saved').waitFor()

    const expected = [
      ['delve into', 'dig into'],
      ...defaultReplacements.en.slice(1, -1),
      ['quiet', 'hushed'],
    ]
    const file = await savedFile(serve)
    expect(file?.replacements).toEqual({ zh: null, en: expected })

    await page.reload()
    await openSettings(page)
    await page.getByTestId('phrases-tab-en').click()
    const shown = await rows(page).evaluateAll((items) =>
      items.map((item) =>
        [...item.querySelectorAll('input')].map((input) => (input as HTMLInputElement).value),
      ),
    )
    expect(shown).toEqual(expected)
    await snapshot(page, 'settings-6-phrases-reloaded')

    await page.getByTestId('phrases-en').getByTestId('phrases-use-defaults').check()
    await save(page).click()
    await page.getByTestId('settings-saved').waitFor()
    expect((await savedFile(serve))?.replacements).toEqual({ zh: null, en: null })
  })

  it('shows this computer’s hardware in the Chinese interface', async () => {
    await context.close()
    context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'zh-CN' })
    page = await context.newPage()
    await start()
    const box = page.getByTestId('hardware-info')
    await box.and(page.locator('[data-phase="ready"]')).waitFor({ timeout: 45_000 })
    const backend = await box.getAttribute('data-backend')
    expect(await page.getByTestId('hardware-backend').innerText()).toMatch(
      /^(CPU|CUDA|Vulkan|Metal)$/,
    )
    // Without a GPU the box says why.
    if (backend === 'cpu') expect(await box.locator('.hardware-note').innerText()).not.toBe('')
    expect(await save(page).innerText()).toBe('保存')
    await snapshot(page, 'settings-7-zh')
  })
})
