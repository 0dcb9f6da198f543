import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PromptSummary, QuireApi } from '@shared/contract'
import { pairWinner, type PairStats } from '@shared/compare/pairStats'
import { hostErrorText } from '../i18n/hostText'
import { Drawer } from '../ui/Drawer'
import { configurationRunsOn, differenceLines } from './differences'
import { downloadText } from './download'
import { PairChart } from './PairChart'
import { useModelChoices } from './useChallengers'
import { winnerAction, type WinnerAction } from './winnerAction'

type Props = { api: QuireApi; prompts: readonly PromptSummary[]; onClose(): void }

type Message = { kind: 'ok' | 'error'; text: string } | null

const pct = (value: number) => `${Math.round(value * 100)}%`

/** Compare's results: per pair of configurations, the votes, the win rate and its interval. */
export function StatsPanel({ api, prompts, onClose }: Props) {
  const { t } = useTranslation()
  const [pairs, setPairs] = useState<PairStats[] | null>(null)
  const [message, setMessage] = useState<Message>(null)
  const models = useModelChoices(api, true)

  const load = useCallback(() => {
    api
      .voteStats({})
      .then(setPairs, (error: unknown) =>
        setMessage({ kind: 'error', text: hostErrorText(t, error) }),
      )
  }, [api, t])
  useEffect(load, [load])

  const exportCsv = (table: 'votes' | 'pairs') =>
    api.exportVotes({ table }).then(
      ({ fileName, csv }) => downloadText(fileName, csv),
      (error: unknown) => setMessage({ kind: 'error', text: hostErrorText(t, error) }),
    )

  const title = (pair: PairStats) =>
    prompts.find((p) => p.id === pair.action && p.language === pair.language)?.title ??
    prompts.find((p) => p.id === pair.action)?.title ??
    pair.action

  const actionFor = (pair: PairStats): WinnerAction | null => {
    const winner = pairWinner(pair)
    return winner
      ? winnerAction(pair, winner.configuration, models?.installed ?? [], models?.inUsePath ?? null)
      : null
  }

  /** Makes the winner the default: its settings in the prompt file, its model the one in use. */
  const adopt = async (pair: PairStats) => {
    const winner = pairWinner(pair)
    const action = actionFor(pair)
    if (!winner || !action) return
    try {
      const texts: string[] = []
      if (action.kind === 'settings' || action.alsoSettings) {
        await api.adoptConfiguration({ configuration: winner.configuration })
        texts.push(t('stats.adopted', { action: title(pair) }))
      }
      if (action.kind === 'load') await api.loadModel({ path: action.path })
      if (action.kind !== 'settings')
        texts.push(t(`stats.model.${action.kind}`, { model: action.model }))
      setMessage({ kind: action.kind === 'missing' ? 'error' : 'ok', text: texts.join(' ') })
    } catch (error) {
      setMessage({ kind: 'error', text: hostErrorText(t, error) })
    }
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
          const action = actionFor(pair)
          const machines = [pair.first, pair.second].map((side) =>
            configurationRunsOn(t, side.configuration),
          )
          const machinesDiffer = machines[0] !== machines[1]
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
                </code>
                {machinesDiffer && <span data-testid="stats-model-a"> · {machines[0]}</span>}{' '}
                {t('stats.versus')}{' '}
                <code title={pair.second.fingerprint}>
                  {t('stats.sideB', { id: pair.second.fingerprint.slice(0, 8) })}
                </code>
                {machinesDiffer && <span data-testid="stats-model-b"> · {machines[1]}</span>}
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
                onClick={() => void adopt(pair)}
              >
                {!winner
                  ? t('stats.noWinner')
                  : action?.kind === 'load'
                    ? t('stats.useModel', { model: action.model })
                    : t('stats.adopt', { side: winner === pair.first ? 'A' : 'B' })}
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
