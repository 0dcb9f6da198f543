import type { Browser, Page } from 'playwright-core'
import { BENCH_SHORTCUT } from './benchPrompt'
import { PROBE_SCRIPT, probe, type ProbeReading } from './editorProbes'

/** The bench action's shortcut as Playwright presses it here ("Mod+Alt+G" → Ctrl+Alt+G). */
const BENCH_KEYS = `Control+Alt+Key${BENCH_SHORTCUT.slice(-1)}`

/** Markdown prose of about `chars` characters: a title and paragraphs of ~400 characters. */
export function prose(title: string, chars: number): string {
  const sentence =
    'The lamps along the river came on one by one, and the boats turned slowly home. '
  const paragraph = sentence.repeat(5).trim()
  const count = Math.max(2, Math.ceil(chars / (paragraph.length + 2)))
  return `# ${title}\n\n${Array.from({ length: count }, () => paragraph).join('\n\n')}\n`
}

/** A page of Quire with the probe installed and `path` open in the editor. */
export async function openPage(browser: Browser, url: string, path: string): Promise<BenchPage> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 760 } })
  await context.addInitScript(PROBE_SCRIPT)
  const page = await context.newPage()
  const tokens = new Map<string, number>()
  // Tokens streamed, as the page received them (each delta carries the count so far).
  page.on('websocket', (socket) =>
    socket.on('framereceived', ({ payload }) => {
      const text = String(payload)
      if (!text.includes('"type":"delta"')) return
      const message = JSON.parse(text) as { event?: { requestId: string; tokens: number } }
      if (message.event) tokens.set(message.event.requestId, message.event.tokens)
    }),
  )
  await page.goto(url)
  await page.locator('[data-testid="editor"][contenteditable="true"]').waitFor({ timeout: 60_000 })
  const bench = new BenchPage(page, tokens)
  await bench.open(path)
  return bench
}

/** One page of the editor bench: opening, typing, streaming and what the probe saw. */
export class BenchPage {
  constructor(
    readonly page: Page,
    private readonly tokens: Map<string, number>,
  ) {}

  /** Tokens streamed into this page's suggestions so far. */
  get streamedTokens(): number {
    let sum = 0
    for (const count of this.tokens.values()) sum += count
    return sum
  }

  /** Opens a document from the list; resolves with the ms until the editor shows it. */
  async open(path: string): Promise<number> {
    const started = performance.now()
    await this.page.locator(`[data-testid="doc-item"][data-path="${path}"] button`).first().click()
    await this.page
      .locator(`[data-testid="doc-item"][data-current][data-path="${path}"]`)
      .waitFor({ timeout: 60_000 })
    await this.page.locator('[data-testid="editor"][contenteditable="true"] p').first().waitFor()
    await this.page.locator('[data-testid="save-state"][data-state="saved"]').waitFor()
    return performance.now() - started
  }

  /** Types one key and saves with Mod+S; resolves with the ms until the file is saved. */
  async save(): Promise<number> {
    await this.page.bringToFront()
    await this.page.evaluate(probe.caretAtEnd(0))
    await this.page.keyboard.type('.')
    await this.page.locator('[data-testid="save-state"][data-state="unsaved"]').waitFor()
    const started = performance.now()
    await this.page.keyboard.press('Control+KeyS')
    await this.page
      .locator('[data-testid="save-state"][data-state="saved"]')
      .waitFor({ timeout: 60_000 })
    return performance.now() - started
  }

  /** Types `keys` characters at the end of a paragraph (the first) and returns each key's latency. */
  async type(keys: number, paragraph = 0): Promise<number[]> {
    await this.page.bringToFront()
    await this.page.evaluate(probe.caretAtEnd(paragraph))
    await this.page.evaluate(probe.record(true))
    await this.page.keyboard.type('abcdefghij '.repeat(Math.ceil(keys / 11)).slice(0, keys), {
      delay: 30,
    })
    await this.page.waitForTimeout(100)
    const reading = (await this.page.evaluate(probe.read)) as ProbeReading
    await this.page.evaluate(probe.record(false))
    return reading.latencies
  }

  /** Starts the bench action (its shortcut) on the second paragraph and waits for it to stream. */
  async startStream(): Promise<void> {
    await this.page.bringToFront()
    await this.page.evaluate(probe.selectParagraph(1))
    await this.page.getByTestId('ai-toolbar').waitFor()
    await this.page.keyboard.press(BENCH_KEYS)
    await this.page
      .locator('[data-testid="suggestion"][data-phase="streaming"]')
      .waitFor({ timeout: 60_000 })
  }

  /** The suggestion card's phase, or 'none'. */
  async phase(): Promise<string> {
    const card = this.page.getByTestId('suggestion')
    return (await card.count()) ? ((await card.getAttribute('data-phase')) ?? 'none') : 'none'
  }

  async record(on: boolean): Promise<ProbeReading> {
    const reading = (await this.page.evaluate(probe.read)) as ProbeReading
    await this.page.evaluate(probe.record(on))
    return reading
  }

  async close(): Promise<void> {
    await this.page.context().close()
  }
}
