import { join } from 'node:path'
import { fingerprint } from '@shared/compare/fingerprint'
import { pairStats, type PairStats } from '@shared/compare/pairStats'
import { pairStatsCsv, votesCsv } from '@shared/compare/votesCsv'
import type { Vote, VoteFilter } from '@shared/compare/vote'
import type { voteRequestSchema } from '@shared/compare/vote'
import type { z } from 'zod'
import { VoteLog, type VoteLogOptions } from './voteLog'

/** The writer's A/B votes: recorded, listed, summed per pair of configurations, exported. */
export class VoteStore {
  readonly log: VoteLog

  constructor(dataDir: string, options: VoteLogOptions = {}) {
    this.log = new VoteLog(join(dataDir, 'votes', 'votes.jsonl'), options)
  }

  /** Stores a vote with both fingerprints computed here and the time it was cast. */
  async record(request: z.output<typeof voteRequestSchema>): Promise<Vote> {
    const { a, b, ...rest } = request
    const vote: Vote = {
      ...rest,
      at: new Date().toISOString(),
      a: { fingerprint: fingerprint(a), configuration: a },
      b: { fingerprint: fingerprint(b), configuration: b },
    }
    await this.log.append(vote)
    return vote
  }

  /** The votes, oldest first, optionally of one action. */
  async list(filter: VoteFilter = {}): Promise<Vote[]> {
    const votes = await this.log.votes()
    return votes
      .filter((vote) => filter.action === undefined || vote.action === filter.action)
      .sort((x, y) => x.at.localeCompare(y.at))
  }

  /** Wins, losses, ties and the Wilson interval per pair of configurations. */
  async stats(filter: VoteFilter = {}): Promise<PairStats[]> {
    return pairStats(await this.list(filter))
  }

  /** A CSV of the votes or of the Stats table, with a file name that says which and when. */
  async exportCsv(
    filter: VoteFilter,
    table: 'votes' | 'pairs',
  ): Promise<{ fileName: string; csv: string }> {
    const votes = await this.list(filter)
    const day = new Date().toISOString().slice(0, 10)
    const scope = filter.action ? `-${filter.action}` : ''
    return table === 'votes'
      ? { fileName: `quire-votes${scope}-${day}.csv`, csv: votesCsv(votes) }
      : { fileName: `quire-compare-stats${scope}-${day}.csv`, csv: pairStatsCsv(pairStats(votes)) }
  }
}
