import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

/** The subprotocols the page offers when it opens the contract's WebSocket: the token rides in one. */
export function socketProtocols(serve: Pick<ServeProcess, 'token'>): string[] {
  return ['quire', `quire.token.${serve.token}`]
}

const CLI = fileURLToPath(new URL('../../out/main/cli.js', import.meta.url))

export type ServeProcess = {
  /** The page's address as printed, the token in its fragment: `http://127.0.0.1:PORT/#token=…`. */
  url: string
  /** `http://127.0.0.1:PORT`, for requests that carry the token some other way (or none). */
  origin: string
  /** This launch's token (the `#token=` of `url`). */
  token: string
  output: string[]
  dataDir: string
  /** The documents folder this server uses (QUIRE_DOCS_DIR): a temp folder unless given. */
  docsDir: string
  /** Resolves with the first output line (stdout or stderr) matching `pattern`, already printed or still to come. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>
  stop(): Promise<void>
  child: ChildProcess
}

/**
 * Starts the built `quire serve` on a free port (a later `--port N` in `args` wins), with its own
 * data and documents folders (never the real ~/Documents/Quire), and resolves with the URL it
 * prints first. `env` adds to (or, with undefined, removes from) the environment it inherits.
 */
export function startQuireServe(
  args: string[] = [],
  dataDir = mkdtempSync(join(tmpdir(), 'quire-e2e-')),
  docsDir = mkdtempSync(join(tmpdir(), 'quire-e2e-docs-')),
  env: Record<string, string | undefined> = {},
): Promise<ServeProcess> {
  const child = spawn(
    process.execPath,
    [CLI, 'serve', '--port', '0', '--threads', '1', '--no-open', ...args],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, QUIRE_DATA_DIR: dataDir, QUIRE_DOCS_DIR: docsDir, ...env },
    },
  )
  const output: string[] = []
  const watchers = new Set<(line: string) => void>()
  const record = (line: string): void => {
    output.push(line)
    for (const watch of watchers) watch(line)
  }
  const waitForLine = (pattern: RegExp, timeoutMs = 30_000): Promise<string> =>
    new Promise((resolve, reject) => {
      const seen = output.find((line) => pattern.test(line))
      if (seen) return resolve(seen)
      const timer = setTimeout(() => {
        watchers.delete(watch)
        reject(
          new Error(
            `quire serve did not print ${pattern} within ${timeoutMs} ms:\n${output.join('\n')}`,
          ),
        )
      }, timeoutMs)
      const watch = (line: string): void => {
        if (!pattern.test(line)) return
        clearTimeout(timer)
        watchers.delete(watch)
        resolve(line)
      }
      watchers.add(watch)
    })
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! })
    createInterface({ input: child.stderr! }).on('line', record)
    let first = true
    lines.on('line', (line) => {
      record(line)
      if (first) {
        first = false
        const match = /^Quire is running at ((http:\/\/[^/]+)\/#token=([\w-]+))$/.exec(line)
        if (match?.[1] && match[2] && match[3]) {
          const [, url, origin, token] = match
          resolve({ url, origin, token, output, dataDir, docsDir, waitForLine, stop, child })
        } else reject(new Error(`quire serve printed an unexpected first line: ${line}`))
      }
    })
    child.once('exit', (code) =>
      reject(new Error(`quire serve exited early (${code}): ${output.join('\n')}`)),
    )
  })
}
