import { spawn } from 'node:child_process'
import { appendFile, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { VoteLog } from '@core/votes/voteLog'
import { VoteStore } from '@core/votes/voteStore'
import { configuration, vote } from './sampleVotes'

const CHILD = fileURLToPath(new URL('./voteChild.ts', import.meta.url))
const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

const tempFile = async () => join(await mkdtemp(join(tmpdir(), 'quire-votes-')), 'votes.jsonl')
const lines = async (file: string) => (await readFile(file, 'utf8')).split('\n')

/** Runs the vote child to its end; resolves with the ids it acknowledged. */
function runChild(args: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.node.json') },
    })
    let out = ''
    let errors = ''
    child.stdout.on('data', (data: Buffer) => (out += data.toString()))
    child.stderr.on('data', (data: Buffer) => (errors += data.toString()))
    child.on('exit', (code) =>
      code === 0
        ? resolve(
            out.split('\n').flatMap((line) => (line.startsWith('OK ') ? [line.slice(3)] : [])),
          )
        : reject(new Error(`vote child exited with ${code}: ${errors}`)),
    )
  })
}

const warm = configuration(0.85)
const hot = configuration(1.2)

describe('the votes log', () => {
  it('keeps votes across a restart, one JSON line each', async () => {
    const file = await tempFile()
    const first = vote(warm, hot, 'a')
    const second = vote(warm, hot, 'tie')
    await new VoteLog(file).append(first)
    await new VoteLog(file).append(second)
    expect(await new VoteLog(file).votes()).toEqual([first, second])
    expect(await lines(file)).toEqual([JSON.stringify(first), JSON.stringify(second), ''])
  })

  it('ignores a torn last line, and the next vote starts on a line of its own', async () => {
    const file = await tempFile()
    const kept = vote(warm, hot, 'b')
    const log = new VoteLog(file)
    await log.append(kept)
    // What a crash in the middle of a write leaves: half a line, no newline.
    const torn = JSON.stringify(vote(warm, hot, 'a'))
    await appendFile(file, torn.slice(0, torn.length / 2))
    expect(await log.read()).toEqual({ votes: [kept], waste: 1 })
    const after = vote(warm, hot, 'both-bad')
    await log.append(after)
    expect((await log.read()).votes).toEqual([kept, after])
  })

  it('compacts on reading: torn lines and replaced votes go, valid votes stay in order', async () => {
    const file = await tempFile()
    const log = new VoteLog(file)
    const changedMind = vote(warm, hot, 'a')
    const other = vote(hot, warm, 'tie')
    await log.append(changedMind)
    await appendFile(file, '{"voteId": "cut sh\n')
    await appendFile(file, '{"not":"a vote"}\n')
    await log.append(other)
    // Voting again on the same comparison replaces the vote.
    const revised = { ...changedMind, choice: 'b' as const }
    await log.append(revised)
    expect((await log.read()).waste).toBe(3)
    expect(await log.votes()).toEqual([other, revised])
    expect(await lines(file)).toEqual([JSON.stringify(other), JSON.stringify(revised), ''])
    expect(await log.read()).toEqual({ votes: [other, revised], waste: 0 })
  })

  it('reads a missing log as no votes, and never mistakes garbage for a vote', async () => {
    const file = await tempFile()
    expect(await new VoteLog(file).votes()).toEqual([])
    await writeFile(file, '\u0000\u0000garbage\n[]\n')
    expect(await new VoteLog(file).votes()).toEqual([])
  })

  it('takes appends from two windows of one process at once without mixing lines', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'quire-votes-'))
    const left = new VoteStore(dataDir)
    const right = new VoteStore(dataDir)
    const request = (choice: 'a' | 'b') => ({
      voteId: crypto.randomUUID(),
      action: 'rewrite.lyrical',
      language: 'zh' as const,
      inputChars: 40,
      a: warm,
      b: hot,
      choice,
      shownFirst: 'a' as const,
    })
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? left : right).record(request(i % 2 ? 'a' : 'b')),
      ),
    )
    const votes = await new VoteStore(dataDir).list()
    expect(votes).toHaveLength(20)
    expect((await new VoteStore(dataDir).log.read()).waste).toBe(0)
  })

  it('takes appends from two processes at once: every acknowledged vote is there, whole', async () => {
    const file = await tempFile()
    const [one, two] = await Promise.all([
      runChild(['append', file, '15', 'one']),
      runChild(['append', file, '15', 'two']),
    ])
    const contents = await new VoteLog(file).read()
    expect(contents.waste).toBe(0)
    expect(new Set(contents.votes.map((v) => v.voteId))).toEqual(new Set([...one!, ...two!]))
    expect(contents.votes).toHaveLength(30)
  }, 60_000)
})
