import { describe, expect, it } from 'vitest'
import { fingerprint } from '@shared/compare/fingerprint'
import { pairStats, pairWinner } from '@shared/compare/pairStats'
import { pairStatsCsv, votesCsv } from '@shared/compare/votesCsv'
import { wilsonInterval } from '@shared/compare/wilson'
import { configuration, vote } from '../votes/sampleVotes'

const current = configuration(0.85)
const hotter = configuration(1.2)
const poet = configuration(0.85, 'poet')
const at = (minute: number) => `2026-12-03T09:${String(minute).padStart(2, '0')}:00.000Z`

describe('stats per pair of configurations', () => {
  const votes = [
    vote(current, hotter, 'b', at(1)),
    vote(current, hotter, 'b', at(2)),
    // The same pair voted the other way round counts mirrored.
    vote(hotter, current, 'a', at(3)),
    vote(current, hotter, 'a', at(4)),
    vote(current, hotter, 'tie', at(5)),
    vote(current, hotter, 'both-bad', at(6)),
    vote(current, poet, 'a', at(7)),
  ]
  const [poetPair, hotterPair] = pairStats(votes)

  it('counts wins, losses, ties and both-bad from the first configuration’s side', () => {
    expect(hotterPair).toMatchObject({
      first: { fingerprint: fingerprint(current) },
      second: { fingerprint: fingerprint(hotter) },
      wins: 1,
      losses: 3,
      ties: 1,
      bothBad: 1,
      count: 6,
      lastAt: at(6),
    })
    expect(poetPair).toMatchObject({ wins: 1, losses: 0, count: 1 })
  })

  it('rates wins over decisive votes, with the Wilson interval of those', () => {
    expect(hotterPair?.winRate).toBe(0.25)
    expect(hotterPair).toMatchObject(wilsonInterval(1, 4))
    expect(pairStats([vote(current, hotter, 'tie')])[0]).toMatchObject({
      winRate: null,
      low: 0,
      high: 1,
    })
  })

  it('names the configuration with more wins, and none on a draw', () => {
    expect(pairWinner(hotterPair!)?.fingerprint).toBe(fingerprint(hotter))
    const draw = pairStats([vote(current, hotter, 'a', at(1)), vote(current, hotter, 'b', at(2))])
    expect(pairWinner(draw[0]!)).toBeNull()
  })
})

describe('CSV export', () => {
  it('writes one row per vote with what differed and both configurations in full', () => {
    const text = votesCsv([vote(current, hotter, 'b', at(1))])
    const [header, row, end] = text.split('\r\n')
    expect(header).toBe(
      'at,action,language,input_chars,choice,shown_first,a_fingerprint,b_fingerprint,differences,a_configuration,b_configuration',
    )
    expect(row).toContain(`${at(1)},rewrite.lyrical,zh,120,b,b,${fingerprint(current)}`)
    expect(row).toContain('sampling.temperature: 0.85 → 1.2')
    // JSON has quotes and commas: the field is quoted, its quotes doubled.
    expect(row).toContain('"{""backend"":""local""')
    expect(end).toBe('')
  })

  it('writes the Stats table and defuses a cell a spreadsheet would run as a formula', () => {
    const formula = { ...current, promptId: '=HYPERLINK("x")' }
    const text = pairStatsCsv(pairStats([vote(formula, hotter, 'a', at(1))]))
    expect(text.split('\r\n')[1]).toMatch(/^"'=HYPERLINK\(""x""\)",zh,/)
    expect(text.split('\r\n')[1]).toContain(',1,0,0,0,1,1.0000,0.2065,1.0000,')
  })
})
