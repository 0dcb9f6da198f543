import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const CLI = fileURLToPath(new URL('../../../out/main/cli.js', import.meta.url))

export type ServeProcess = {
  url: string
  output: string[]
  dataDir: string
  stop(): Promise<void>
  child: ChildProcess
}

/** Starts the built `quire serve` on a free port, with its own data folder, and resolves with the URL it prints first. */
export function startQuireServe(
  args: string[] = [],
  dataDir = mkdtempSync(join(tmpdir(), 'quire-e2e-')),
): Promise<ServeProcess> {
  const child = spawn(
    process.execPath,
    [CLI, 'serve', '--port', '0', '--threads', '1', '--no-open', ...args],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, QUIRE_DATA_DIR: dataDir } },
  )
  const output: string[] = []
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! })
    createInterface({ input: child.stderr! }).on('line', (line) => output.push(line))
    lines.on('line', (line) => {
      output.push(line)
      if (output.length === 1) {
        const match = /^Quire is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)$/.exec(line)
        if (match?.[1]) resolve({ url: match[1], output, dataDir, stop, child })
        else reject(new Error(`quire serve printed an unexpected first line: ${line}`))
      }
    })
    child.once('exit', (code) =>
      reject(new Error(`quire serve exited early (${code}): ${output.join('\n')}`)),
    )
  })
}
