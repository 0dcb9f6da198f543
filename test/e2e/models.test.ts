import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchChromium, snapshot } from './support/browser'
import { waitForEngineReady } from './support/editorPage'
import { startQuireServe, type ServeProcess } from '../support/quireServe'
import { CORRUPT_MODEL_PATHS, TINY_MODEL_PATH } from '../fixtures/paths'

type RangeServer = { url: string; close(): Promise<void> }

/**
 * Serves `file` as `/name` on 127.0.0.1, honouring Range requests, `chunkBytes` every `delayMs`
 * so progress can be watched. (test/model/models/rangeServer.ts does more, but lies outside
 * the e2e TypeScript project.)
 */
async function serveSlowly(
  file: Uint8Array,
  name: string,
  chunkBytes: number,
  delayMs: number,
): Promise<RangeServer> {
  const server = createServer((req, res) => {
    if (req.url !== `/${name}`) return void res.writeHead(404).end()
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '')
    const start = range ? Number(range[1]) : 0
    const end = range?.[2] ? Math.min(file.length, Number(range[2]) + 1) : file.length
    if (start >= end)
      return void res.writeHead(416, { 'content-range': `bytes */${file.length}` }).end()
    res.writeHead(range ? 206 : 200, {
      'accept-ranges': 'bytes',
      'content-type': 'application/octet-stream',
      'content-length': String(end - start),
      ...(range ? { 'content-range': `bytes ${start}-${end - 1}/${file.length}` } : {}),
    })
    if (req.method === 'HEAD') return void res.end()
    let at = start
    const timer = setInterval(() => {
      if (res.destroyed) return clearInterval(timer)
      const next = Math.min(end, at + chunkBytes)
      res.write(file.subarray(at, next))
      at = next
      if (at >= end) {
        clearInterval(timer)
        res.end()
      }
    }, delayMs)
    res.on('close', () => clearInterval(timer))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/${name}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

const row = (page: Page, id: string) =>
  page.locator(`[data-testid="model-row"][data-model-id="${id}"]`)
const engineStatus = (page: Page) => page.getByTestId('engine-status')
const progress = (page: Page) => page.getByTestId('download-progress')
const modelsFolder = (serve: ServeProcess) => join(serve.dataDir, 'models')
const leftovers = async (serve: ServeProcess) =>
  (await readdir(modelsFolder(serve)).catch(() => [] as string[])).filter((name) =>
    name.endsWith('.ipull'),
  )

describe('the Models panel against quire serve started without a model', () => {
  let serve: ServeProcess
  let browser: Browser
  let page: Page
  /** The tiny model, slow enough (about 3 s) that a writer sees it arrive. */
  let link: RangeServer
  /** The same bytes under another name, slower still, to cancel half way. */
  let slowLink: RangeServer

  beforeAll(async () => {
    const tiny = await readFile(TINY_MODEL_PATH)
    ;[serve, browser, link, slowLink] = await Promise.all([
      startQuireServe([]),
      launchChromium(),
      serveSlowly(tiny, 'tiny-qwen3.gguf', 16 * 1024, 70),
      serveSlowly(tiny, 'tiny-copy.gguf', 4 * 1024, 100),
    ])
    const context = await browser.newContext({
      viewport: { width: 1100, height: 900 },
      locale: 'en-US',
    })
    page = await context.newPage()
    await page.goto(serve.url)
    await engineStatus(page).and(page.locator('[data-state="idle"]')).waitFor()
    await page.getByTestId('open-models').click()
    await page.getByTestId('models-panel').waitFor()
  })
  afterAll(async () => {
    await browser?.close()
    await Promise.all([serve?.stop(), link?.close(), slowLink?.close()])
  })

  it('offers the catalog with what each model needs, and says no model is loaded', async () => {
    await expect
      .poll(() => page.getByTestId('loaded-model').getAttribute('data-state'))
      .toBe('idle')
    expect(await page.getByTestId('loaded-model').innerText()).toMatch(/No model is loaded/)
    const recommended = row(page, 'qwen3-4b-instruct-2507')
    await recommended.waitFor()
    expect(await recommended.getAttribute('data-status')).toBe('available')
    const text = await recommended.innerText()
    expect(text).toMatch(/Recommended/)
    expect(text).toMatch(/2\.5 GB/)
    expect(text).toMatch(/Needs 8 GB of memory, or a GPU with 4 GB/)
    expect(await page.getByTestId('download-qwen3-4b-instruct-2507').isEnabled()).toBe(true)
    expect(await page.getByTestId('model-row').count()).toBe(3)
    await snapshot(page, 'models-0-empty')
  })

  it('downloads a model from a link with live progress, pauses and resumes it, then loads it', async () => {
    await page.getByTestId('models-link').locator('summary').click()
    await page.getByTestId('download-uri').fill(link.url)
    await page.getByTestId('download-uri-go').click()

    const words = page.getByTestId('download-words')
    await page.locator('[data-testid="download-progress"][data-phase="downloading"]').waitFor()
    // Bytes, speed and time left, as they arrive.
    await expect.poll(() => words.innerText(), { timeout: 5_000 }).toMatch(/KB of 637 KB · .*\/s/)
    await expect.poll(() => words.innerText(), { timeout: 5_000 }).toMatch(/left$/)
    const width = () =>
      progress(page)
        .locator('.progress > span')
        .evaluate((bar) => (bar as HTMLElement).style.width)
    const before = parseInt(await width(), 10)
    await expect.poll(async () => parseInt(await width(), 10)).toBeGreaterThan(before)
    await progress(page).scrollIntoViewIfNeeded()
    await snapshot(page, 'models-1-downloading')

    await page.getByTestId('download-pause').click()
    await page.locator('[data-testid="download-progress"][data-phase="paused"]').waitFor()
    expect(await words.innerText()).toMatch(/^Paused at .* of 637 KB$/)
    await snapshot(page, 'models-2-paused')

    await page.getByTestId('download-resume').click()
    await page.getByTestId('link-installed').waitFor({ timeout: 15_000 })
    expect(await page.getByTestId('link-installed').innerText()).toMatch(/tiny-qwen3\.gguf/)
    expect(await progress(page).count()).toBe(0)
    const downloaded = row(page, 'tiny-qwen3')
    await downloaded.waitFor()
    expect(await downloaded.getAttribute('data-status')).toBe('installed')
    expect(await downloaded.getAttribute('data-source')).toBe('downloaded')

    // Nothing was loaded, so the host loads the new model on its own.
    await waitForEngineReady(page)
    const loaded = page.getByTestId('loaded-model')
    await expect.poll(() => loaded.getAttribute('data-state')).toBe('ready')
    expect(await loaded.innerText()).toMatch(/tiny-qwen3\.gguf/)
    expect(await page.getByTestId('loaded-backend').innerText()).toMatch(
      /^(CPU|CUDA|Vulkan|Metal)$/,
    )
    expect(await loaded.innerText()).toMatch(/\d+ of \d+/)
    await expect.poll(() => downloaded.innerText()).toMatch(/In use/)
    expect(await leftovers(serve)).toEqual([])
    await loaded.scrollIntoViewIfNeeded()
    await snapshot(page, 'models-3-installed')
  })

  it('explains a damaged file in place and changes nothing', async () => {
    const statusBefore = await engineStatus(page).innerText()
    const rowsBefore = await page.getByTestId('model-row').count()
    await page.getByTestId('model-path').fill(CORRUPT_MODEL_PATHS['block-count-zero'])
    await page.getByTestId('model-add').click()
    const error = page.getByTestId('models-add').getByTestId('model-error')
    await error.waitFor()
    expect(await error.innerText()).toBe(
      'corrupt-block-count-zero.gguf is damaged: it says the model has no layers (qwen3.block_count = 0).',
    )
    expect(await engineStatus(page).getAttribute('data-state')).toBe('ready')
    expect(await engineStatus(page).innerText()).toBe(statusBefore)
    expect(await page.getByTestId('model-row').count()).toBe(rowsBefore)
    // The path stays, so the writer can correct it.
    expect(await page.getByTestId('model-path').inputValue()).toBe(
      CORRUPT_MODEL_PATHS['block-count-zero'],
    )
    await snapshot(page, 'models-4-damaged')
  })

  it('adds a good file by path, uses it, and once another is in use removing it forgets it but keeps the file', async () => {
    await page.getByTestId('model-path').fill(TINY_MODEL_PATH)
    await page.getByTestId('model-add').click()
    await page.getByTestId('model-added').waitFor()
    expect(await page.getByTestId('models-add').getByTestId('model-error').count()).toBe(0)
    expect(await page.getByTestId('model-path').inputValue()).toBe('')
    const added = page.locator('[data-testid="model-row"][data-source="imported"]')
    await added.waitFor()
    expect(await added.getAttribute('data-status')).toBe('installed')
    expect(await added.innerText()).toContain(TINY_MODEL_PATH)
    const id = (await added.getAttribute('data-model-id')) ?? ''
    await snapshot(page, 'models-5-added')

    await page.getByTestId(`use-${id}`).click()
    // A model load can take seconds on a busy machine: wait as long as waitForEngineReady does.
    const load = { timeout: 30_000 }
    await expect
      .poll(
        () => page.getByTestId('loaded-model').locator('[title]').first().getAttribute('title'),
        load,
      )
      .toBe(TINY_MODEL_PATH)
    await expect.poll(() => added.innerText(), load).toMatch(/In use/)
    const downloaded = row(page, 'tiny-qwen3')
    expect(await downloaded.getAttribute('data-source')).toBe('downloaded')
    expect(await downloaded.innerText()).not.toMatch(/In use/)
    await waitForEngineReady(page)
    // The host keeps the model in use, so the panel does not offer to remove it.
    const remove = page.getByTestId(`remove-${id}`)
    expect(await remove.isDisabled()).toBe(true)
    expect(await remove.getAttribute('title')).toBe('This model is in use. Load another one first.')

    await page.getByTestId('use-tiny-qwen3').click()
    await expect.poll(() => downloaded.innerText(), load).toMatch(/In use/)
    await waitForEngineReady(page)
    expect(await added.innerText()).not.toMatch(/In use/)
    await remove.click()
    expect(await added.getByRole('alertdialog').innerText()).toMatch(
      /never deletes a file you added: it stays where it is/,
    )
    await snapshot(page, 'models-6-remove-confirm')
    await page.getByTestId('remove-confirm').click()
    await added.waitFor({ state: 'detached' })
    expect(existsSync(TINY_MODEL_PATH)).toBe(true)
    expect(await page.getByTestId('model-error').count()).toBe(0)
    expect(await downloaded.innerText()).toMatch(/In use/)
  })

  it('cancels a download mid-way and leaves no partial file behind', async () => {
    await page.getByTestId('download-uri').fill(slowLink.url)
    await page.getByTestId('download-uri-go').click()
    await page.locator('[data-testid="download-progress"][data-phase="downloading"]').waitFor()
    await expect
      .poll(() => page.getByTestId('download-words').innerText(), { timeout: 5_000 })
      .toMatch(/^[1-9][\d.]* KB of 637 KB/)
    await progress(page).scrollIntoViewIfNeeded()
    await snapshot(page, 'models-7-cancelling')
    await page.getByTestId('download-cancel').click()
    await progress(page).waitFor({ state: 'detached' })
    await expect.poll(() => leftovers(serve)).toEqual([])
    expect(await readdir(modelsFolder(serve))).not.toContain('tiny-copy.gguf')
    expect(await page.getByTestId('model-error').count()).toBe(0)
    expect(await row(page, 'tiny-copy').count()).toBe(0)
    await page.getByTestId('download-uri').scrollIntoViewIfNeeded()
    await snapshot(page, 'models-7-cancelled')
  })

  it('reads naturally in Chinese', async () => {
    const context = await browser.newContext({
      viewport: { width: 1100, height: 900 },
      locale: 'zh-CN',
    })
    const zh = await context.newPage()
    await zh.goto(serve.url)
    await zh.getByTestId('open-models').click()
    const recommended = row(zh, 'qwen3-4b-instruct-2507')
    await recommended.waitFor()
    expect(await recommended.innerText()).toMatch(/推荐[\s\S]*中英文都写得好/)
    expect(await zh.getByTestId('models-add').innerText()).toMatch(/运行 quire serve 的那台电脑/)
    await snapshot(zh, 'models-8-zh')
    await context.close()
  })
})
