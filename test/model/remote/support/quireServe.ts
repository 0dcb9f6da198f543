import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { TINY_MODEL_PATH } from '../../../fixtures/paths'

const CLI = fileURLToPath(new URL('../../../../out/main/cli.js', import.meta.url))

export type RunningServe = { base: string; token: string; output: string[]; stop(): Promise<void> }

/** Starts the built `quire serve` with the tiny model and resolves once the model is loaded. */
export function startServeWithModel(): Promise<RunningServe> {
  const dataDir = mkdtempSync(join(tmpdir(), 'quire-remote-'))
  const child = spawn(
    process.execPath,
    [CLI, 'serve', '--port', '0', '--threads', '1', '--no-open', '--model', TINY_MODEL_PATH],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, QUIRE_DATA_DIR: dataDir },
    },
  )
  const output: string[] = []
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
  return new Promise((resolve, reject) => {
    let url: URL | null = null
    createInterface({ input: child.stderr }).on('line', (line) => output.push(line))
    createInterface({ input: child.stdout }).on('line', (line) => {
      output.push(line)
      const running = /^Quire is running at (\S+)$/.exec(line)
      if (running?.[1]) url = new URL(running[1])
      if (line.startsWith('Model loaded:') && url)
        resolve({ base: url.origin, token: url.searchParams.get('token') ?? '', output, stop })
    })
    child.once('exit', (code) =>
      reject(new Error(`quire serve exited early (${code}): ${output.join('\n')}`)),
    )
  })
}
