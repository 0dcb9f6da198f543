import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from './support/browser'
import { screenshot } from './support/documents'
import {
  acceptedParagraphs,
  documentText,
  mod,
  newDocument,
  selectText,
  waitForEngineReady,
} from './support/editorPage'
import { startQuireServe, type ServeProcess } from '../support/quireServe'
import { TINY_MODEL_PATH, TINY_QWEN_VOCAB_MODEL_PATH } from '../fixtures/paths'
import { voteSchema } from '@shared/compare/vote'

// The tiny model with Qwen's vocabulary answers in Chinese: Chinese passages, no language retry.
const LEAD = '秋天的风吹过老街。'
const SENTENCE = '她总在黄昏时坐在门口剥豆子。'

const panel = (page: Page) => page.getByTestId('compare-panel')
const answerPhase = (page: Page, n: 1 | 2) =>
  page.getByTestId(`compare-answer-${n}`).getAttribute('data-phase', { timeout: 2_000 })
const bothDone = async (page: Page) => `${await answerPhase(page, 1)}/${await answerPhase(page, 2)}`

/** Writes the passage in a new document, selects the sentence and presses Compare; waits for both answers unless told not to. */
async function compareSentence(page: Page, waitForAnswers = true): Promise<void> {
  await newDocument(page)
  await page.keyboard.insertText(`${LEAD}${SENTENCE}`)
  await selectText(page, SENTENCE)
  await page.getByTestId('ai-toolbar').waitFor()
  await page.getByTestId('action-compare').click()
  await panel(page).waitFor()
  if (waitForAnswers) await expect.poll(() => bothDone(page), { timeout: 40_000 }).toBe('done/done')
}

const votesIn = (dataDir: string) =>
  readFileSync(join(dataDir, 'votes', 'votes.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => voteSchema.parse(JSON.parse(line)))

let browser: Browser
let serve: ServeProcess
beforeAll(async () => {
  // The other tiny model is installed too (imported as `tiny-qwen3`), for comparing models.
  const dataDir = mkdtempSync(join(tmpdir(), 'quire-e2e-'))
  const cli = fileURLToPath(new URL('../../out/main/cli.js', import.meta.url))
  execFileSync(process.execPath, [cli, 'models', 'add', TINY_MODEL_PATH], {
    env: { ...process.env, QUIRE_DATA_DIR: dataDir },
  })
  ;[browser, serve] = await Promise.all([
    launchChromium(),
    startQuireServe(['--model', TINY_QWEN_VOCAB_MODEL_PATH], dataDir),
  ])
})
afterAll(async () => {
  await browser?.close()
  await serve?.stop()
})

describe('Compare: blind A/B on the writer’s selection', () => {
  it('runs two configurations, hides which is which until the vote, keeps the vote, accepts one, and Stats count it', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 820 },
      locale: 'en-US',
      acceptDownloads: true,
    })
    // The blind order is drawn with Math.random: pin it so the left answer is B's.
    await context.addInitScript(() => {
      Math.random = () => 0.9
    })
    const page = await context.newPage()
    const generated: string[] = []
    page.on('websocket', (socket) =>
      socket.on('framesent', ({ payload }) => {
        if (String(payload).includes('"generate"')) generated.push(String(payload))
      }),
    )
    await page.goto(serve.url)
    await waitForEngineReady(page)
    await compareSentence(page)

    // Two requests went out at once: the action as it is, and with the next preset up.
    expect(generated).toHaveLength(2)
    expect(generated.filter((frame) => frame.includes('"preset":"wild"'))).toHaveLength(1)
    const left = await page.getByTestId('compare-text-1').innerText()
    const right = await page.getByTestId('compare-text-2').innerText()
    expect(left.trim()).not.toBe('')
    expect(right.trim()).not.toBe('')
    // Blind: no labels, no side, nothing to accept before the vote.
    expect(await page.getByTestId('compare-label-1').count()).toBe(0)
    expect(await page.locator('.compare-answer[data-side]').count()).toBe(0)
    expect(await page.getByTestId('compare-accept-1').count()).toBe(0)
    await screenshot(page, 'compare-en')

    await page.getByTestId('compare-vote-left').click()
    await page.getByTestId('compare-reveal').waitFor()
    expect(await page.getByTestId('compare-label-1').innerText()).toBe('B · Preset: Wild')
    expect(await page.getByTestId('compare-label-2').innerText()).toBe('A · Current settings')
    expect(await page.getByTestId('compare-reveal').innerText()).toMatch(/Preset: creative → wild/)
    const [stored] = votesIn(serve.dataDir)
    expect(votesIn(serve.dataDir)).toHaveLength(1)
    expect(stored).toMatchObject({
      action: 'rewrite.lyrical',
      language: 'zh',
      inputChars: [...SENTENCE].length,
      choice: 'b',
      shownFirst: 'b',
      a: { configuration: { preset: 'creative' } },
      b: { configuration: { preset: 'wild' } },
    })
    expect(stored?.a.fingerprint).not.toBe(stored?.b.fingerprint)
    await screenshot(page, 'compare-revealed-en')

    // Taking B's answer replaces the passage in one undo step.
    await page.getByTestId('compare-accept-1').click()
    await panel(page).waitFor({ state: 'detached' })
    // Each paragraph of the answer becomes a block; the page's text has one line per block.
    expect(await documentText(page)).toBe(`${LEAD}${acceptedParagraphs(left).join('\n')}`)
    await page.keyboard.press(`${mod}+z`)
    await expect.poll(() => documentText(page)).toBe(`${LEAD}${SENTENCE}`)
    expect(await page.locator('mark').count()).toBe(0)

    await page.getByTestId('open-stats').click()
    const pair = page.getByTestId('stats-pair')
    await pair.waitFor()
    expect(await pair.count()).toBe(1)
    expect(await page.getByTestId('stats-numbers').innerText()).toMatch(
      /A won 0, B won 1, 0 ties, 0 both bad · 1 vote · A’s win rate 0% \(95%: 0%–79%\)/,
    )
    expect(await page.getByTestId('wilson-interval').count()).toBe(1)
    await screenshot(page, 'stats-en')

    const download = page.waitForEvent('download')
    await page.getByTestId('stats-export-pairs').click()
    const csv = readFileSync((await (await download).path())!, 'utf8')
    expect(csv).toMatch(/^\uFEFF?action,language,first_fingerprint/)
    expect(csv).toContain(`rewrite.lyrical,zh,${stored?.a.fingerprint},${stored?.b.fingerprint}`)

    // B won: it becomes the action's default, in the writer's copy of the prompt.
    await page.getByTestId('stats-adopt').click()
    await expect
      .poll(() => page.getByTestId('stats-message').innerText())
      .toMatch(/now runs with the winning settings/)
    const saved = readFileSync(join(serve.dataDir, 'prompts', 'zh', 'rewrite.lyrical.md'), 'utf8')
    expect(saved).toMatch(/^preset: wild$/m)
    await context.close()
  })

  it('shows Compare and Stats in Chinese', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 820 },
      locale: 'zh-CN',
    })
    const page = await context.newPage()
    await page.goto(serve.url)
    await waitForEngineReady(page)
    await compareSentence(page)
    expect(await page.getByTestId('compare-vote-tie').innerText()).toBe('差不多')
    await page.getByTestId('compare-vote-tie').click()
    await page.getByTestId('compare-reveal').waitFor()
    // The vote keeps focus where it was (it fell to <body>, and Esc no longer closed the panel).
    expect(
      await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null),
    ).toBe('compare-vote-tie')
    // A bundled preset is named in Chinese too ("预设：Creative" before). Wild won above and is
    // now the current setting, so Creative is the challenger.
    const labels = `${await page.getByTestId('compare-label-1').innerText()} ${await page.getByTestId('compare-label-2').innerText()}`
    expect(labels).toContain('预设：创意')
    expect(labels).not.toMatch(/Creative|Wild/)
    await screenshot(page, 'compare-zh')
    await expect.poll(() => votesIn(serve.dataDir).length).toBe(2)
    // A header panel opened over Compare is shown over it (it opened underneath, out of sight),
    // and closing it finds the comparison as it was.
    const onTop = () =>
      page.evaluate(() => {
        const hit = document.elementFromPoint(innerWidth - 200, innerHeight / 2)
        return hit?.closest('aside[role="dialog"]')?.getAttribute('data-testid') ?? null
      })
    await page.getByTestId('open-library').click()
    await page.getByTestId('library-panel').waitFor()
    await expect.poll(onTop).toBe('library-panel')
    await page.getByTestId('library-panel-close').click()
    await expect.poll(onTop).toBe('compare-panel')
    await page.getByTestId('compare-reveal').waitFor()
    await page.getByTestId('compare-open-stats').click()
    await page.getByTestId('stats-pair').first().waitFor()
    // The adopted winner now runs as "current": the same pair as before, mirrored, not a new one.
    expect(await page.getByTestId('stats-pair').count()).toBe(1)
    expect(await page.getByTestId('stats-numbers').innerText()).toMatch(/平 1.*共 2 票/)
    await screenshot(page, 'stats-zh')
    await context.close()
  })

  it('compares the model in use with another installed model, says what each ran on, and makes the winner the model in use', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 820 },
      locale: 'en-US',
    })
    // The left answer is B's, the other model's.
    await context.addInitScript(() => {
      Math.random = () => 0.9
    })
    const page = await context.newPage()
    await page.goto(serve.url)
    await waitForEngineReady(page)
    const votesBefore = existsSync(join(serve.dataDir, 'votes', 'votes.jsonl'))
      ? votesIn(serve.dataDir).length
      : 0
    // The writer picks the model at once; the first pair (the next preset up) is cancelled.
    await compareSentence(page, false)
    const picker = page.getByTestId('compare-challenger')
    await expect.poll(() => picker.locator('option[value="model:tiny-qwen3"]').count()).toBe(1)
    // The model in use is not offered against itself.
    expect(await picker.locator('option[value^="model:"]').count()).toBe(1)
    expect(await picker.locator('option[value="model:tiny-qwen3"]').innerText()).toBe(
      'Model: Quire tiny test model',
    )
    await picker.selectOption('model:tiny-qwen3')
    await expect.poll(() => bothDone(page), { timeout: 60_000 }).toBe('done/done')
    for (const n of [1, 2] as const)
      expect((await page.getByTestId(`compare-text-${n}`).innerText()).trim()).not.toBe('')
    // Which models run is shown, in an order that does not give the blind order away.
    expect(await page.getByTestId('compare-backends').innerText()).toBe(
      'Running on Quire tiny test model (Qwen vocabulary) · this computer and Quire tiny test model · this computer.',
    )
    expect(await page.getByTestId('compare-runs-on-1').count()).toBe(0)

    await page.getByTestId('compare-vote-left').click()
    await page.getByTestId('compare-reveal').waitFor()
    expect(await page.getByTestId('compare-label-1').innerText()).toBe(
      'B · Model: Quire tiny test model',
    )
    expect(await page.getByTestId('compare-runs-on-1').innerText()).toBe(
      'Quire tiny test model · this computer',
    )
    expect(await page.getByTestId('compare-reveal').innerText()).toContain(
      'Model: Quire tiny test model (Qwen vocabulary) → Quire tiny test model',
    )
    await expect.poll(() => votesIn(serve.dataDir).length).toBe(votesBefore + 1)
    expect(votesIn(serve.dataDir).at(-1)).toMatchObject({
      choice: 'b',
      a: { configuration: { model: 'Quire tiny test model (Qwen vocabulary)', backend: 'local' } },
      b: { configuration: { model: 'Quire tiny test model', backend: 'local' } },
    })
    await screenshot(page, 'compare-models-en')

    await page.getByTestId('compare-open-stats').click()
    const newest = page.getByTestId('stats-pair').first()
    await newest.waitFor()
    expect(await newest.getByTestId('stats-model-b').innerText()).toContain(
      'Quire tiny test model · this computer',
    )
    const adopt = newest.getByTestId('stats-adopt')
    expect(await adopt.innerText()).toBe('Use Quire tiny test model as the model for every action')
    await adopt.click()
    await expect
      .poll(() => page.getByTestId('stats-message').innerText(), { timeout: 30_000 })
      .toMatch(/^Quire tiny test model is now the model in use, for every action\./)
    await screenshot(page, 'stats-models-en')
    await context.close()
  })
})
