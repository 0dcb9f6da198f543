import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { DocumentStore } from '@core/documents/documentStore'
import { bigText } from './bigText'

const CHILD = fileURLToPath(new URL('./saveChild.ts', import.meta.url))
const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

function startChild(args: string[]): {
  child: ChildProcess
  line: (pattern: RegExp) => Promise<string>
} {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.node.json') },
  })
  const lines: string[] = []
  const waiting = new Set<() => void>()
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line)
    for (const wake of waiting) wake()
  })
  let errors = ''
  child.stderr!.on('data', (data: Buffer) => (errors += data.toString()))
  const line = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const found = lines.find((l) => pattern.test(l))
        if (found) {
          waiting.delete(check)
          resolve(found)
        }
      }
      waiting.add(check)
      child.once('exit', (code) =>
        reject(new Error(`child exited (${code}) before ${pattern}: ${errors}`)),
      )
      check()
    })
  return { child, line }
}

const kill = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGKILL')
  })

const OLD = bigText('A')
const NEW = bigText('B')

describe('an atomic write killed with SIGKILL', () => {
  // Each point of the write: the old file must survive whole until the rename, the new one after.
  it.each([
    ['opened', 1, OLD],
    ['chunk-written', 1, OLD],
    ['chunk-written', 3, OLD],
    ['synced', 1, OLD],
    ['renamed', 1, NEW],
  ] as const)('at %s (#%i) leaves the complete old or new file', async (step, nth, expected) => {
    const folder = await mkdtemp(join(tmpdir(), 'quire-kill-'))
    const file = join(folder, 'doc.md')
    await writeFile(file, OLD)
    const { child, line } = startChild(['step', file, step, String(nth)])
    await line(new RegExp(`^AT ${step} ${nth}$`))
    await kill(child)
    const after = await readFile(file, 'utf8')
    expect(after.length).toBe(expected.length)
    expect(after === expected).toBe(true)
    // The interrupted temp file is a dot-file the list and the watcher skip.
    const others = (await readdir(folder)).filter((name) => name !== 'doc.md')
    expect(others.every((name) => name.startsWith('.doc.md.') && name.endsWith('.tmp'))).toBe(true)
  })
})

describe('a host killed with SIGKILL at random moments', () => {
  it('while saving a 4 MB document: the file is always one whole version', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'quire-kill-'))
    await writeFile(join(folder, 'doc.md'), OLD)
    // After a few whole saves, at several moments into the next one.
    for (const [saves, delayMs] of [
      [0, 5],
      [1, 10],
      [1, 45],
      [2, 25],
      [3, 70],
    ] as const) {
      const { child, line } = startChild(['saves', folder])
      await line(saves === 0 ? /^READY$/ : new RegExp(`^WROTE ${saves}$`))
      await new Promise((resolve) => setTimeout(resolve, delayMs))
      await kill(child)
      const after = await readFile(join(folder, 'doc.md'), 'utf8')
      expect(after === OLD || after === NEW).toBe(true)
      // Reopening works, and the next save is based on what is really there.
      const store = new DocumentStore({
        folder,
        source: 'override',
        dataDir: join(folder, '.data'),
        emit: () => {},
      })
      expect((await store.open('doc.md')).text).toBe(after)
    }
  })

  it('while writing backups: a backup is whole or ignored, never a cut version', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'quire-kill-'))
    await writeFile(join(folder, 'doc.md'), '# Saved\n')
    let recovered = 0
    for (const [backups, delayMs] of [
      [1, 5],
      [1, 40],
      [2, 20],
    ] as const) {
      const { child, line } = startChild(['backups', folder])
      await line(new RegExp(`^WROTE ${backups}$`))
      await new Promise((resolve) => setTimeout(resolve, delayMs))
      await kill(child)
      const store = new DocumentStore({
        folder,
        source: 'override',
        dataDir: join(folder, '.data'),
        emit: () => {},
      })
      const opened = await store.open('doc.md')
      expect(opened.text).toBe('# Saved\n')
      const text = opened.recovered?.text
      // At least one whole backup was written before each kill, so one is always recovered.
      expect(text === OLD || text === NEW).toBe(true)
      recovered++
    }
    expect(recovered).toBe(3)
  })
})
