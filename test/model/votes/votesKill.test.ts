import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { VoteLog } from '@core/votes/voteLog'
import { configuration, vote } from '../../unit/votes/sampleVotes'

const CHILD = fileURLToPath(new URL('../../unit/votes/voteChild.ts', import.meta.url))
const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

/** Starts a child that appends votes without end; resolves the ids it reports as stored. */
function appendForever(file: string): { child: ChildProcess; acknowledged: string[] } {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, 'forever', file, 'kill'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.node.json') },
  })
  const acknowledged: string[] = []
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (line.startsWith('OK ')) acknowledged.push(line.slice(3))
  })
  return { child, acknowledged }
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGKILL')
  })

describe('votes and a SIGKILL in the middle of appending', () => {
  it('keeps every vote acknowledged before the kill, and the next window votes on', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'quire-votes-kill-')), 'votes.jsonl')
    const { child, acknowledged } = appendForever(file)
    await expect
      .poll(() => acknowledged.length, { timeout: 30_000, interval: 20 })
      .toBeGreaterThan(8)
    await killed(child)
    const seen = [...acknowledged]

    const log = new VoteLog(file, { staleLockMs: 2_000 })
    const after = await log.read()
    // At most the vote being written at the kill is torn; nothing acknowledged is lost.
    expect(after.waste).toBeLessThanOrEqual(1)
    const stored = new Set(after.votes.map((v) => v.voteId))
    for (const id of seen) expect(stored.has(id)).toBe(true)

    // The dead child's lock goes stale; the next vote waits for that, then lands whole.
    const next = vote(configuration(0.7), configuration(1.2), 'tie')
    await log.append(next)
    const restarted = await new VoteLog(file).votes()
    expect(restarted.at(-1)).toEqual(next)
    expect(restarted.length).toBeGreaterThanOrEqual(seen.length + 1)
    expect((await new VoteLog(file).read()).waste).toBe(0)
  })
})
