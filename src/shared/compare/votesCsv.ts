import { canonicalJson, configurationDifferences } from './fingerprint'
import type { PairStats } from './pairStats'
import type { Vote } from './vote'

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; a leading
 * = + - @ is defused so a spreadsheet never runs a cell as a formula.
 */
function field(value: string | number | null): string {
  if (value === null) return ''
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

function csv(header: readonly string[], rows: readonly (string | number | null)[][]): string {
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n'
}

/** What sets two configurations apart, as `path: a → b; …`. */
export function differenceSummary(a: object, b: object): string {
  return configurationDifferences(a, b)
    .map((d) => `${d.path}: ${d.a ?? '–'} → ${d.b ?? '–'}`)
    .join('; ')
}

/** Every vote, one row each, with both configurations in full (canonical JSON). */
export function votesCsv(votes: readonly Vote[]): string {
  return csv(
    [
      'at',
      'action',
      'language',
      'input_chars',
      'choice',
      'shown_first',
      'a_fingerprint',
      'b_fingerprint',
      'differences',
      'a_configuration',
      'b_configuration',
    ],
    votes.map((vote) => [
      vote.at,
      vote.action,
      vote.language,
      vote.inputChars,
      vote.choice,
      vote.shownFirst,
      vote.a.fingerprint,
      vote.b.fingerprint,
      differenceSummary(vote.a.configuration, vote.b.configuration),
      canonicalJson(vote.a.configuration),
      canonicalJson(vote.b.configuration),
    ]),
  )
}

const rate = (value: number | null) => (value === null ? null : value.toFixed(4))

/** The Stats table: one row per pair of configurations. */
export function pairStatsCsv(pairs: readonly PairStats[]): string {
  return csv(
    [
      'action',
      'language',
      'first_fingerprint',
      'second_fingerprint',
      'differences',
      'wins',
      'losses',
      'ties',
      'both_bad',
      'count',
      'win_rate',
      'wilson_low',
      'wilson_high',
      'last_vote',
    ],
    pairs.map((pair) => [
      pair.action,
      pair.language,
      pair.first.fingerprint,
      pair.second.fingerprint,
      differenceSummary(pair.first.configuration, pair.second.configuration),
      pair.wins,
      pair.losses,
      pair.ties,
      pair.bothBad,
      pair.count,
      rate(pair.winRate),
      rate(pair.low),
      rate(pair.high),
      pair.lastAt,
    ]),
  )
}
