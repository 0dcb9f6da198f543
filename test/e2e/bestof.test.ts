import { copyFileSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from './support/browser'
import { screenshot } from './support/documents'
import {
  documentText,
  mod,
  newDocument,
  selectText,
  waitForEngineReady,
} from './support/editorPage'
import { startQuireServe, type ServeProcess } from '../support/quireServe'
import { TINY_LORA_PATH, TINY_MODEL_PATH } from '../fixtures/paths'

const FIRST = 'The lamps came on along the river.'
const SECOND = 'My grandmother walked home slowly.'

describe('Best of N and the playground in the browser against quire serve', () => {
  let serve: ServeProcess
  let browser: Browser

  beforeAll(async () => {
    serve = await startQuireServe(['--model', TINY_MODEL_PATH])
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await serve?.stop()
  })

  async function openPage(locale: 'en-US' | 'zh-CN'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1200, height: 820 }, locale })
    const page = await context.newPage()
    await page.goto(serve.url)
    await waitForEngineReady(page)
    return page
  }

  it('samples 3 candidates at once, ranks them by score with the checks on request, and accepts the one chosen in one undo step', async () => {
    const page = await openPage('en-US')
    await newDocument(page)
    await page.keyboard.type(`${FIRST} ${SECOND}`)
    await selectText(page, SECOND)
    // The button names its shortcut, as Compare's does.
    expect(await page.getByTestId('action-best-of').getAttribute('title')).toContain('Ctrl+Alt+N')
    expect(await page.getByTestId('action-compare').getAttribute('title')).toContain('Ctrl+Alt+B')
    await page.getByTestId('action-best-of').click()

    const panel = page.getByTestId('bestof-panel')
    await panel.waitFor()
    const candidates = panel.getByTestId('bestof-candidate')
    await expect.poll(() => candidates.count()).toBe(3)
    // Each candidate has its own seed: three requests, not one answer shown three times.
    const seeds = await candidates.evaluateAll((items) =>
      items.map((i) => i.getAttribute('data-seed')),
    )
    expect(new Set(seeds).size).toBe(3)
    await expect
      .poll(() => panel.locator('[data-testid="bestof-candidate"][data-rank]').count(), {
        timeout: 60_000,
      })
      .toBe(3)
    // Best first: the ranks run 1, 2, 3 down the list and the scores never rise.
    const ranks = await candidates.evaluateAll((items) =>
      items.map((i) => i.getAttribute('data-rank')),
    )
    expect(ranks).toEqual(['1', '2', '3'])
    const scores = (await panel.getByTestId('bestof-score').allInnerTexts()).map((s) =>
      Number(/[\d.]+/.exec(s)?.[0]),
    )
    expect(scores).toEqual([...scores].sort((a, b) => b - a))

    // The scores behind a candidate: rewrite.lyrical's checks (at most 200 words, English).
    const second = candidates.nth(1)
    await second.getByTestId('bestof-show-scores').click()
    const checks = second.getByTestId('score-check')
    await expect
      .poll(() => checks.evaluateAll((items) => items.map((i) => i.getAttribute('data-check'))))
      .toEqual(['maxWords', 'language'])
    await expect(second.getByTestId('score-repetition').innerText()).resolves.toMatch(/^\d+%$/)
    await screenshot(page, 'bestof-en')

    // Accept the second-best: its text replaces the passage; one Mod+Z brings the passage back.
    const chosen = (await second.getByTestId('bestof-text').innerText()).trim()
    await second.getByTestId('bestof-accept').click()
    await panel.waitFor({ state: 'detached' })
    const accepted = await documentText(page)
    expect(accepted).toContain(FIRST)
    expect(accepted).not.toContain(SECOND)
    expect(accepted.replace(/\s+/g, ' ')).toContain(chosen.replace(/\s+/g, ' '))
    await page.keyboard.press(`${mod}+z`)
    await expect.poll(() => documentText(page)).toBe(`${FIRST} ${SECOND}`)

    const zh = await openPage('zh-CN')
    await newDocument(zh)
    await zh.keyboard.type('春天的下午，我一个人去了城市公园。湖边有人放风筝。')
    await selectText(zh, '湖边有人放风筝。')
    // Best of N's shortcut opens it on the selection, like the button.
    await zh.keyboard.press(`${mod}+Alt+n`)
    const zhPanel = zh.getByTestId('bestof-panel')
    await expect
      .poll(() => zhPanel.locator('[data-testid="bestof-candidate"][data-rank]').count(), {
        timeout: 60_000,
      })
      .toBe(3)
    await zhPanel.getByTestId('bestof-show-scores').first().click()
    await screenshot(zh, 'bestof-zh')
    // From the keyboard, Esc closes it again and the selection is back in the editor (focus was
    // taken back by the editor as the panel opened, so Esc reached nothing).
    await zh.getByTestId('bestof-panel-close').click()
    await zhPanel.waitFor({ state: 'detached' })
    await selectText(zh, '湖边有人放风筝。')
    await zh.keyboard.press(`${mod}+Alt+n`)
    await expect
      .poll(() => zh.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null))
      .toBe('bestof-panel')
    await zh.keyboard.press('Escape')
    await zhPanel.waitFor({ state: 'detached' })
    await zh.context().close()
    await page.context().close()
  })

  it('the playground runs an edited template, another persona, a LoRA adapter and edited sampling values on fixed seeds, and saves them as a preset', async () => {
    // In Chinese first, with no adapter yet: the playground says where to put one.
    const zh = await openPage('zh-CN')
    await zh.getByTestId('open-playground').click()
    const zhPanel = zh.getByTestId('playground-panel')
    await expect
      .poll(() => zhPanel.getByTestId('playground-template').inputValue())
      .toContain('## Constraint')
    await expect
      .poll(() => zhPanel.getByTestId('playground-lora-none').innerText())
      .toContain(join(serve.dataDir, 'lora'))
    // A value out of range is flagged at the field, in Chinese, and nothing runs or saves with it
    // (it ran, and came back as "overrides.sampling.temperature: Too small: …").
    await zhPanel.getByTestId('playground-temperature').fill('-3')
    await expect
      .poll(() => zhPanel.getByTestId('playground-error-temperature').innerText())
      .toMatch(/0.*2/)
    expect(await zhPanel.getByTestId('playground-error-temperature').innerText()).toMatch(
      /[\u4e00-\u9fff]/,
    )
    expect(await zhPanel.getByTestId('playground-run').isDisabled()).toBe(true)
    await zhPanel.getByTestId('playground-preset-title').fill('冷')
    expect(await zhPanel.getByTestId('playground-save-preset').isDisabled()).toBe(true)
    await zhPanel.getByTestId('playground-preset-title').fill('')
    await zhPanel.getByTestId('playground-temperature').fill('0.85')
    expect(await zhPanel.getByTestId('playground-run').isEnabled()).toBe(true)
    // A template the library would refuse says why in Chinese when saved as a version.
    const zhTemplate = await zhPanel.getByTestId('playground-template').inputValue()
    await zhPanel.getByTestId('playground-template').fill('## Input\n{{selection}}')
    await zhPanel.getByTestId('playground-save-version').click()
    await expect
      .poll(() => zhPanel.getByTestId('playground-notice').innerText())
      .toMatch(/## Style.*[\u4e00-\u9fff]|[\u4e00-\u9fff].*## Style/)
    expect(await zhPanel.getByTestId('playground-notice').innerText()).not.toMatch(/The prompt/)
    await zhPanel.getByTestId('playground-template').fill(zhTemplate)
    await zhPanel.getByTestId('playground-count').fill('2')
    await zhPanel.getByTestId('playground-run').click()
    await expect
      .poll(() => zhPanel.locator('[data-testid="playground-sample"][data-phase="done"]').count(), {
        timeout: 60_000,
      })
      .toBe(2)
    // Why each sample stopped, in words ("停止：max-tokens" before).
    const zhStats = (await zhPanel.getByTestId('playground-stats').allInnerTexts()).join(' ')
    expect(zhStats).toMatch(/停止：[\u4e00-\u9fff]/)
    expect(zhStats).not.toMatch(/eos|max-tokens|budget|stop-trigger|deadline/)
    await screenshot(zh, 'playground-zh')
    await zh.context().close()

    mkdirSync(join(serve.dataDir, 'lora'), { recursive: true })
    copyFileSync(TINY_LORA_PATH, join(serve.dataDir, 'lora', 'tiny-style.gguf'))
    const page = await openPage('en-US')
    await page.getByTestId('open-playground').click()
    const panel = page.getByTestId('playground-panel')
    await expect
      .poll(() => panel.getByTestId('playground-template').inputValue())
      .toContain('## Constraint')
    const template = panel.getByTestId('playground-template')
    await template.fill(`${await template.inputValue()}\n\nEnd with the word lantern.`)
    // Another persona: its text becomes the system message.
    await expect.poll(() => panel.getByTestId('playground-system').inputValue()).toContain('Quire')
    await panel.getByTestId('playground-persona').selectOption('poet')
    await expect
      .poll(() => panel.getByTestId('playground-system').inputValue())
      .toContain('You are a contemporary poet')
    // The adapter in the lora folder, at half strength.
    const adapter = panel.locator('[data-testid="playground-adapter"][data-file="tiny-style.gguf"]')
    await adapter.getByTestId('playground-adapter-on').check()
    await adapter.getByTestId('playground-adapter-scale').fill('0.5')
    await panel.getByTestId('playground-temperature').fill('0.6')
    await panel.getByTestId('playground-count').fill('2')
    await panel.getByTestId('playground-seed').fill('7')
    await panel.getByTestId('playground-run').click()

    const samples = panel.getByTestId('playground-sample')
    await expect
      .poll(() => panel.locator('[data-testid="playground-sample"][data-phase="done"]').count(), {
        timeout: 60_000,
      })
      .toBe(2)
    expect(await samples.first().innerText()).toContain('Seed 7')
    expect(await samples.nth(1).innerText()).toContain('Seed 8')
    await expect(panel.getByTestId('playground-stats').first().innerText()).resolves.toMatch(
      /tokens · .* tok\/s/,
    )
    expect(await panel.getByTestId('playground-score').count()).toBe(2)
    // What ran: the persona, the adapter and the configuration's fingerprint, on each output.
    await expect(samples.first().getByTestId('playground-ran').innerText()).resolves.toMatch(
      /^Persona poet · LoRA tiny-style\.gguf × 0\.5 · fingerprint [0-9a-f]{16}$/,
    )
    // The exact messages sent carry the edited template and the chosen persona.
    await samples.first().locator('summary').click()
    const message = (role: string) =>
      samples.first().locator(`[data-testid="playground-message"][data-role="${role}"]`)
    await expect(message('user').innerText()).resolves.toContain('End with the word lantern.')
    await expect(message('system').innerText()).resolves.toContain('You are a contemporary poet')
    await screenshot(page, 'playground-en')

    await panel.getByTestId('playground-preset-title').fill('Quiet evening')
    await panel.getByTestId('playground-save-preset').click()
    await expect(panel.getByTestId('playground-notice').innerText()).resolves.toContain(
      'quiet-evening',
    )
    const settings = JSON.parse(readFileSync(join(serve.dataDir, 'settings.json'), 'utf8')) as {
      userPresets: { id: string; title: string; temperature: number; lora: unknown[] }[]
    }
    expect(settings.userPresets).toEqual([
      expect.objectContaining({
        id: 'quiet-evening',
        title: 'Quiet evening',
        temperature: 0.6,
        lora: [{ file: 'tiny-style.gguf', scale: 0.5 }],
      }),
    ])
    // A prompt version keeps the template and the persona chosen.
    await panel.getByTestId('playground-save-version').click()
    const notice = panel.getByTestId('playground-notice')
    await expect.poll(() => notice.innerText()).toMatch(/^Saved as a new version: /)
    const saved = /^Saved as a new version: (.+)$/.exec(await notice.innerText())?.[1]
    expect(saved).toBeTruthy()
    const version = readFileSync(saved!.trim(), 'utf8')
    expect(version).toContain('persona: poet')
    expect(version).toContain('End with the word lantern.')
    await page.context().close()
  })
})
