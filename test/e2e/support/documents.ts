import { createServer } from 'node:net'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'

/**
 * Where screenshots go: the README's folder when asked (`QUIRE_SCREENSHOTS=docs`), else the test
 * artifacts, so that a test run leaves the checked-in pictures alone.
 */
export const SCREENSHOTS = fileURLToPath(
  new URL(
    process.env.QUIRE_SCREENSHOTS === 'docs' ? '../../../docs/screenshots/' : '../../.artifacts/',
    import.meta.url,
  ),
)

/** Opens Quire and waits until the session has put a document (or a blank page) in the editor. */
export async function openQuire(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await page.locator('[data-testid="editor"][contenteditable="true"]').waitFor({ timeout: 30_000 })
}

export async function waitForSaveState(page: Page, state: string, timeout = 10_000) {
  await page.locator(`[data-testid="save-state"][data-state="${state}"]`).waitFor({ timeout })
}

/** The Markdown files in a documents folder, by name. */
export function filesIn(folder: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(folder)
      .filter((name) => /\.(md|txt)$/.test(name))
      .map((name) => [name, readFileSync(join(folder, name), 'utf8')]),
  )
}

/** A port nobody listens on, to restart a server on the same origin (localStorage survives). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      )
    })
  })
}

/** Every contract call the page sends, by method name. */
export function recordCalls(page: Page): string[] {
  const methods: string[] = []
  page.on('websocket', (socket) =>
    socket.on('framesent', ({ payload }) => {
      const text = String(payload)
      const match = /^\{"kind":"call","id":\d+,"method":"(\w+)"/.exec(text)
      if (match?.[1]) methods.push(match[1])
    }),
  )
  return methods
}

/** Saves a screenshot of what the writer sees (see SCREENSHOTS for where). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png` })
}
