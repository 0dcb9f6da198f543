import { mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import lockfile from 'proper-lockfile'
import { voteSchema, type Vote } from '@shared/compare/vote'

/** What reading the log found: the votes (the latest of each id) and how many lines were waste. */
export type LogContents = {
  votes: Vote[]
  /** Lines that are not a valid vote (a torn write), and votes replaced by a later line. */
  waste: number
}

export type VoteLogOptions = {
  /** After how long a lock whose holder stopped refreshing it (it was killed) may be taken over. */
  staleLockMs?: number
}

/** Syncs a folder so a file just created or renamed in it survives a power cut (not possible on Windows). */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // Windows cannot open a folder for syncing; NTFS journals the rename itself.
  }
}

/** Parses the log's text; a line that is not a whole, valid vote is waste, never an error. */
export function parseLog(text: string): LogContents {
  const byId = new Map<string, Vote>()
  let waste = 0
  const lines = text.split('\n')
  // The text after the last newline is a write still under way or one a crash cut short.
  const tail = lines.pop() ?? ''
  if (tail !== '') waste++
  for (const line of lines) {
    if (line.trim() === '') continue
    let parsed: unknown
    try {
      parsed = JSON.parse(line)
    } catch {
      waste++
      continue
    }
    const vote = voteSchema.safeParse(parsed)
    if (!vote.success) {
      waste++
      continue
    }
    if (byId.delete(vote.data.voteId)) waste++
    byId.set(vote.data.voteId, vote.data)
  }
  return { votes: [...byId.values()], waste }
}

/**
 * The votes file: an append-only JSON-lines log. Every append is one write of one whole line,
 * fsynced before it resolves, under a lock shared by every process (two windows, `quire serve`
 * and the CLI); a crash can only cut the last line short, and the next append starts on a new
 * line. Reading needs no lock and ignores what is torn; when it finds waste it compacts the log
 * (rewrites the valid votes to a new file, fsyncs it and renames it over the old one).
 */
export class VoteLog {
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    readonly file: string,
    private readonly options: VoteLogOptions = {},
  ) {}

  /** Appends a vote and resolves once it is on disk; a vote with an id already there replaces it. */
  append(vote: Vote): Promise<void> {
    return this.locked(async () => {
      const handle = await open(this.file, 'a+')
      let created = false
      try {
        const { size } = await handle.stat()
        created = size === 0
        let prefix = ''
        if (size > 0) {
          const last = Buffer.alloc(1)
          await handle.read(last, 0, 1, size - 1)
          // A crash cut the previous line short: it stays waste, this vote starts a line of its own.
          if (last[0] !== 0x0a) prefix = '\n'
        }
        const line = Buffer.from(`${prefix}${JSON.stringify(vote)}\n`, 'utf8')
        let written = 0
        while (written < line.length) {
          const { bytesWritten } = await handle.write(line, written, line.length - written)
          written += bytesWritten
        }
        await handle.sync()
      } finally {
        await handle.close()
      }
      if (created) await syncFolder(dirname(this.file))
    })
  }

  /** The votes on disk now, without compacting. */
  async read(): Promise<LogContents> {
    try {
      return parseLog(await readFile(this.file, 'utf8'))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { votes: [], waste: 0 }
      throw error
    }
  }

  /** The votes, compacting the log first when it holds torn lines or replaced votes. */
  async votes(): Promise<Vote[]> {
    const contents = await this.read()
    if (contents.waste === 0) return contents.votes
    try {
      return (await this.compact()).votes
    } catch (error) {
      console.error('quire: could not compact the votes log; reading it as it is', error)
      return contents.votes
    }
  }

  /** Rewrites the log with only its valid, latest votes; returns them and how much was dropped. */
  compact(): Promise<LogContents> {
    return this.locked(async () => {
      const contents = await this.read()
      if (contents.waste === 0) return contents
      const temporary = `${this.file}.${process.pid}.tmp`
      const text = contents.votes.map((vote) => `${JSON.stringify(vote)}\n`).join('')
      await writeFile(temporary, text, { flush: true })
      try {
        await this.replaceWith(temporary)
      } catch (error) {
        await rm(temporary, { force: true })
        throw error
      }
      await syncFolder(dirname(this.file))
      return contents
    })
  }

  /** Renames over the log; on Windows a reader holding it open makes that fail for a moment. */
  private async replaceWith(temporary: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await rename(temporary, this.file)
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (attempt >= 5 || (code !== 'EPERM' && code !== 'EBUSY')) throw error
        await new Promise((resolve) => setTimeout(resolve, 20 * (attempt + 1)))
      }
    }
  }

  /** Runs a write under this process's queue and the cross-process lock. */
  private locked<T>(work: () => Promise<T>): Promise<T> {
    const run = async () => {
      await mkdir(dirname(this.file), { recursive: true })
      const release = await lockfile.lock(this.file, {
        realpath: false,
        stale: this.options.staleLockMs ?? 10_000,
        retries: { retries: 400, factor: 1.2, minTimeout: 5, maxTimeout: 40 },
        // A lost lock is logged, not thrown from a timer (that would end the app).
        onCompromised: (error) => console.error('quire: the votes lock was lost', error),
      })
      try {
        return await work()
      } finally {
        await release().catch(() => undefined)
      }
    }
    const result = this.queue.then(run, run)
    this.queue = result.catch(() => undefined)
    return result
  }
}
