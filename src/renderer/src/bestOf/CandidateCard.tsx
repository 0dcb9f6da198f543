import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApplyMode } from '@shared/contract'
import type { Sample } from './sampleSet'
import { ScoreDetails } from './ScoreDetails'
import { hostErrorText } from '../i18n/hostText'

type Props = {
  sample: Sample
  /** 1 for the best once all are in; null while they still run. */
  rank: number | null
  apply: ApplyMode
  onAccept(sample: Sample): void
}

/** One candidate: its text as it streams, its score, its checks on request, and "use this". */
export function CandidateCard({ sample, rank, apply, onAccept }: Props) {
  const { t } = useTranslation()
  const [showScores, setShowScores] = useState(false)
  const score = sample.score
  return (
    <li
      className={`candidate${rank === 1 ? ' candidate-best' : ''}`}
      data-testid="bestof-candidate"
      data-phase={sample.phase}
      data-rank={rank ?? undefined}
      data-seed={sample.seed}
    >
      <header className="candidate-header">
        <span className="candidate-rank">
          {rank === 1
            ? t('bestOf.best')
            : rank !== null
              ? `#${rank}`
              : t(`bestOf.phase.${sample.phase}`)}
        </span>
        {score && (
          <span
            className="candidate-score"
            data-testid="bestof-score"
            title={t('bestOf.scoreHint')}
          >
            {t('bestOf.score', { score: score.score.toFixed(2) })}
          </span>
        )}
        {sample.done && (
          <span className="candidate-stats">
            {t('suggestion.done', {
              tokens: sample.done.stats.generatedTokens,
              speed: sample.done.stats.tokensPerSecond.toFixed(1),
            })}
          </span>
        )}
      </header>
      {sample.error ? (
        <p className="candidate-error" role="alert">
          {hostErrorText(t, sample.error)}
        </p>
      ) : (
        <p className="candidate-text" data-testid="bestof-text">
          {sample.text || '…'}
        </p>
      )}
      {score && showScores && <ScoreDetails score={score} />}
      <footer className="candidate-actions">
        {score && (
          <button
            type="button"
            className="button subtle"
            data-testid="bestof-show-scores"
            aria-expanded={showScores}
            onClick={() => setShowScores((shown) => !shown)}
          >
            {showScores ? t('bestOf.hideScores') : t('bestOf.showScores')}
          </button>
        )}
        {sample.phase === 'done' && sample.text.trim() !== '' && (
          <button
            type="button"
            className={`button${rank === 1 ? ' primary' : ''}`}
            data-testid="bestof-accept"
            onClick={() => onAccept(sample)}
          >
            {t(`bestOf.accept.${apply}`)}
          </button>
        )}
      </footer>
    </li>
  )
}
