import { z } from 'zod'
import { votedConfigurationSchema, type Vote } from './vote'
import { wilsonInterval } from './wilson'

/**
 * How two configurations of one action fared against each other. "Wins" are votes for `first`,
 * "losses" votes for `second`; the win rate and its 95% Wilson interval count decisive votes only
 * (a tie or "both bad" says nothing about which is better), and `count` is every vote.
 */
export const pairStatsSchema = z.object({
  action: z.string(),
  language: z.enum(['zh', 'en']),
  first: votedConfigurationSchema,
  second: votedConfigurationSchema,
  wins: z.number().int().nonnegative(),
  losses: z.number().int().nonnegative(),
  ties: z.number().int().nonnegative(),
  bothBad: z.number().int().nonnegative(),
  count: z.number().int().nonnegative(),
  /** wins / (wins + losses); null before any decisive vote. */
  winRate: z.number().min(0).max(1).nullable(),
  low: z.number().min(0).max(1),
  high: z.number().min(0).max(1),
  /** When the latest vote was cast (ISO 8601). */
  lastAt: z.string(),
})
export type PairStats = z.infer<typeof pairStatsSchema>

/** The pair's key whatever side each configuration was on. */
const pairKey = (vote: Vote) => [vote.a.fingerprint, vote.b.fingerprint].sort().join('|')

/**
 * Sums votes per pair of configurations. `first` is the side the pair's earliest vote started
 * from (usually the writer's current configuration); votes cast the other way round count
 * mirrored. Pairs come most recently voted first.
 */
export function pairStats(votes: readonly Vote[]): PairStats[] {
  const pairs = new Map<string, PairStats>()
  const ordered = [...votes].sort((x, y) => x.at.localeCompare(y.at))
  for (const vote of ordered) {
    const key = pairKey(vote)
    const pair = pairs.get(key) ?? {
      action: vote.action,
      language: vote.language,
      first: vote.a,
      second: vote.b,
      wins: 0,
      losses: 0,
      ties: 0,
      bothBad: 0,
      count: 0,
      winRate: null,
      low: 0,
      high: 1,
      lastAt: vote.at,
    }
    const mirrored = pair.first.fingerprint !== vote.a.fingerprint
    if (vote.choice === 'tie') pair.ties++
    else if (vote.choice === 'both-bad') pair.bothBad++
    else if ((vote.choice === 'a') !== mirrored) pair.wins++
    else pair.losses++
    pair.count++
    pair.lastAt = vote.at
    pairs.set(key, pair)
  }
  return [...pairs.values()]
    .map((pair) => {
      const decisive = pair.wins + pair.losses
      const { low, high } = wilsonInterval(pair.wins, decisive)
      return { ...pair, winRate: decisive > 0 ? pair.wins / decisive : null, low, high }
    })
    .sort((x, y) => y.lastAt.localeCompare(x.lastAt))
}

/** The configuration that won more decisive votes, or null on a draw. */
export function pairWinner(pair: PairStats): PairStats['first'] | null {
  if (pair.wins === pair.losses) return null
  return pair.wins > pair.losses ? pair.first : pair.second
}
