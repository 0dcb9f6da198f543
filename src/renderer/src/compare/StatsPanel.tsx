import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { toErrorPayload, type PromptSummary, type QuireApi } from '@shared/contract'
import { pairWinner, type PairStats } from '@shared/compare/pairStats'
import { Drawer } from '../ui/Drawer'
import { differenceLines } from './differences'
import { downloadText } from './download'
import { PairChart } from './PairChart'

type Props = { api: QuireApi; prompts: readonly PromptSummary[]; onClose(): void }

type Message = { kind: 'ok' | 'error'; text: string } | null

const pct = (value: number) => `${Math.round(value * 100)}%`

/** Compare's results: per pair of configurations, the votes, the win rate and its interval. */
export function StatsPanel({ api, prompts, onClose }: Props) {
  const { t } = useTranslation()
  const [pairs, setPairs] = useState<PairStats[] | null>(null)
  const [message, setMessage] = useState<Message>(null)

  const load = useCallback(() => {
    api
      .voteStats({})
      .then(setPairs, (error: unknown) =>
        setMessage({ kind: 'error', text: toErrorPayload(error).message }),
      )
  }, [api])
  useEffect(load, [load])

  const exportCsv = (table: 'votes' | 'pairs') =>
    api.exportVotes({ table }).then(
      ({ fileName, csv }) => downloadText(fileName, csv),
      (error: unknown) => setMessage({ kind: 'error', text: toErrorPayload(error).message }),
    )

  const title = (pair: PairStats) =>
    prompts.find((p) => p.id === pair.action && p.language === pair.language)?.title ??
    prompts.find((p) => p.id === pair.action)?.title ??
    pair.action

  const adopt = (pair: PairStats) => {
    const winner = pairWinner(pair)
    if (!winner) return
    api.adoptConfiguration({ configuration: winner.configuration }).then(
      () => setMessage({ kind: 'ok', text: t('stats.adopted', { action: title(pair) }) }),
      (error: unknown) => setMessage({ kind: 'error', text: toErrorPayload(error).message }),
    )
  }

  return (
    <Drawer testId="stats-panel" title={t('stats.title')} onClose={onClose} wide>
      <div className="stats-toolbar">
        <button
          type="button"
          className="button subtle"
          data-testid="stats-export-pairs"
          disabled={!pairs?.length}
          onClick={() => void exportCsv('pairs')}
        >
          {t('stats.exportPairs')}
        </button>
        <button
          type="button"
          className="button subtle"
          data-testid="stats-export-votes"
          disabled={!pairs?.length}
          onClick={() => void exportCsv('votes')}
        >
          {t('stats.exportVotes')}
        </button>
      </div>
      <p className="stats-explain">{t('stats.explain')}</p>
      {message && (
        <p
          className={message.kind === 'error' ? 'compare-error' : 'stats-ok'}
          role={message.kind === 'error' ? 'alert' : 'status'}
          data-testid="stats-message"
        >
          {message.text}
        </p>
      )}
      {pairs?.length === 0 && <p data-testid="stats-empty">{t('stats.empty')}</p>}
      <ol className="stats-pairs">
        {pairs?.map((pair) => {
          const winner = pairWinner(pair)
          const lines = differenceLines(t, pair.first.configuration, pair.second.configuration)
          return (
            <li
              key={`${pair.first.fingerprint}|${pair.second.fingerprint}`}
              className="stats-pair"
              data-testid="stats-pair"
            >
              <h3>
                {title(pair)} <span className="stats-lang">{pair.language}</span>
              </h3>
              <p className="stats-versus">
                <code title={pair.first.fingerprint}>
                  {t('stats.sideA', { id: pair.first.fingerprint.slice(0, 8) })}
                </code>{' '}
                {t('stats.versus')}{' '}
                <code title={pair.second.fingerprint}>
                  {t('stats.sideB', { id: pair.second.fingerprint.slice(0, 8) })}
                </code>
              </p>
              <ul className="compare-differences">
                {(lines.length ? lines : [t('compare.same')]).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              <PairChart pair={pair} />
              <p className="stats-numbers" data-testid="stats-numbers">
                {t('stats.numbers', {
                  wins: pair.wins,
                  losses: pair.losses,
                  ties: pair.ties,
                  bothBad: pair.bothBad,
                  count: pair.count,
                })}
                {' · '}
                {pair.winRate === null
                  ? t('stats.noDecisive')
                  : t('stats.rate', {
                      rate: pct(pair.winRate),
                      low: pct(pair.low),
                      high: pct(pair.high),
                    })}
              </p>
              <button
                type="button"
                className="button"
                data-testid="stats-adopt"
                disabled={!winner}
                title={winner ? undefined : t('stats.noWinner')}
                onClick={() => adopt(pair)}
              >
                {winner
                  ? t('stats.adopt', { side: winner === pair.first ? 'A' : 'B' })
                  : t('stats.noWinner')}
              </button>
              {winner && pair.low <= 0.5 && pair.high >= 0.5 && (
                <span className="stats-caution">{t('stats.notClear')}</span>
              )}
            </li>
          )
        })}
      </ol>
    </Drawer>
  )
}
