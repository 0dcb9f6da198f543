import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from './support/browser'
import { documentText, selectText, waitForEngineReady } from './support/editorPage'
import { openQuire, screenshot, waitForSaveState } from './support/documents'
import { startQuireServe, type ServeProcess } from '../support/quireServe'
import { TINY_QWEN_VOCAB_MODEL_PATH } from '../fixtures/paths'
import { faultyFolders } from '../support/faultyFolders'
import { enginePid } from '../support/processes'

// A long answer on a shortcut of its own, so the engine can be killed while it streams.
const LONG_PROMPT = `---
id: faults.long
kind: transform
title: Keep going
description: A long answer, for the fault tests.
preset: balanced
maxTokens: 2000
apply: replace
postprocess: [strip-think]
persona: default
shortcut: Mod+Alt+K
---
## Role
A writer.
## Style
Continue at length.
## Constraint
- Output only the passage.
## Input
{{selection}}
`
const PASSAGE = '秋天的风吹过老街，她总在黄昏时坐在门口剥豆子。'

const card = (page: Page) => page.getByTestId('suggestion')
const phase = (page: Page, name: string) =>
  page.locator(`[data-testid="suggestion"][data-phase="${name}"]`).waitFor({ timeout: 30_000 })

/** Opens a document from the list and waits for it in the editor. */
async function openDocument(page: Page, path: string): Promise<void> {
  await page.locator(`[data-testid="doc-item"][data-path="${path}"] button`).first().click()
  await page.locator(`[data-testid="doc-item"][data-current][data-path="${path}"]`).waitFor()
  await waitForSaveState(page, 'saved')
}

/** Selects the passage and runs the long action on it; resolves once it streams. */
async function runLongAction(page: Page): Promise<void> {
  await selectText(page, PASSAGE)
  await page.getByTestId('ai-toolbar').waitFor()
  await page.keyboard.press('Control+Alt+KeyK')
  await phase(page, 'streaming')
}

describe('faults a writer meets, in the browser against the real host', () => {
  const docs = mkdtempSync(join(tmpdir(), 'quire-e2e-faults-'))
  const dataDir = mkdtempSync(join(tmpdir(), 'quire-e2e-faults-data-'))
  let serve: ServeProcess
  let browser: Browser

  beforeAll(async () => {
    mkdirSync(join(dataDir, 'prompts', 'zh'), { recursive: true })
    writeFileSync(join(dataDir, 'prompts', 'zh', 'faults.long.md'), LONG_PROMPT)
    writeFileSync(join(docs, 'Story.md'), `# Story\n\n${PASSAGE}\n`)
    const faults = faultyFolders(docs)
    writeFileSync(join(docs, 'locked', 'Poem.md'), '# Poem\n\nThe old line.\n')
    const saved = { ...process.env }
    Object.assign(process.env, faults.env)
    try {
      ;[serve, browser] = await Promise.all([
        startQuireServe(['--model', TINY_QWEN_VOCAB_MODEL_PATH], dataDir, docs, {}, faults.wrapper),
        launchChromium(),
      ])
    } finally {
      process.env = saved
    }
  })
  afterAll(async () => {
    await browser?.close()
    await serve?.stop()
  })

  it('keeps a document open, unsaved and backed up when its folder is read-only', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 760 } })
    const page = await context.newPage()
    await openQuire(page, serve.url)
    await openDocument(page, 'locked/Poem.md')
    await page.getByTestId('editor').click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type(' A new line.')
    await page.keyboard.press('Control+KeyS')
    await expect
      .poll(() => page.getByTestId('save-error').innerText(), { timeout: 10_000 })
      .toMatch(/Not saved: .*read-only.*Your text is still here/)
    await waitForSaveState(page, 'unsaved')
    expect(await documentText(page)).toContain('The old line. A new line.')
    expect(readFileSync(join(docs, 'locked', 'Poem.md'), 'utf8')).toBe('# Poem\n\nThe old line.\n')
    await screenshot(page, 'faults-read-only')
    // The hot-exit backup holds the text: a reload offers it back.
    await page.waitForTimeout(1_500)
    await page.reload()
    await page.getByTestId('recovered-keep').waitFor({ timeout: 30_000 })
    expect(await documentText(page)).toContain('A new line.')
    await context.close()
  })

  it('shows why when the engine dies mid-answer, leaves the text alone, and the next action works', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 760 } })
    const page = await context.newPage()
    await openQuire(page, serve.url)
    await waitForEngineReady(page)
    await openDocument(page, 'Story.md')
    const before = await documentText(page)
    await runLongAction(page)
    process.kill(enginePid(serve.child.pid ?? 0), 'SIGKILL')
    await phase(page, 'error')
    expect(await page.getByTestId('suggestion-error').innerText()).toMatch(
      /The engine stopped during generation/,
    )
    await screenshot(page, 'faults-engine-stopped')
    expect(await documentText(page)).toBe(before)
    await page.keyboard.press('Escape')
    await card(page).waitFor({ state: 'detached' })
    await waitForEngineReady(page)
    await runLongAction(page)
    await page.getByTestId('suggestion-stop').click()
    await phase(page, 'done')
    await context.close()
    // Two engine starts (the first and the restart after the kill) and two answers.
  }, 150_000)

  it('serves two browser windows at once, each with its own answer', async () => {
    const pages = await Promise.all(
      [0, 1].map(async () => {
        const context = await browser.newContext({ viewport: { width: 1100, height: 760 } })
        const page = await context.newPage()
        await openQuire(page, serve.url)
        await waitForEngineReady(page)
        await openDocument(page, 'Story.md')
        return page
      }),
    )
    await Promise.all(pages.map((page) => runLongAction(page)))
    for (const page of pages) {
      await expect.poll(() => page.getByTestId('suggestion-text').innerText()).not.toBe('')
      await page.getByTestId('suggestion-stop').click()
      await phase(page, 'done')
    }
    for (const page of pages) await page.context().close()
  })
})
