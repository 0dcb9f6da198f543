import { useTranslation } from 'react-i18next'
import type { AnswerScore, CheckResult } from '@shared/eval'

const percent = (value: number) => `${Math.round(value * 100)}%`

/** How a check's values read: numbers as they are, lists joined, senses and languages named. */
function useValueText() {
  const { t } = useTranslation()
  return (value: CheckResult['actual']): string => {
    const one = (item: string | number): string =>
      typeof item === 'number' ? String(item) : t(`scores.values.${item}`, { defaultValue: item })
    if (Array.isArray(value))
      return value.length === 0 ? t('scores.none') : value.map(one).join(t('scores.listSeparator'))
    return one(value)
  }
}

/** A candidate's scores: each check of the prompt with what the answer has, then the metrics. */
export function ScoreDetails({ score }: { score: AnswerScore }) {
  const { t } = useTranslation()
  const valueText = useValueText()
  return (
    <div className="score-details" data-testid="score-details">
      {score.checks.length === 0 ? (
        <p className="score-none">{t('scores.noChecks')}</p>
      ) : (
        <ul className="score-checks">
          {score.checks.map((check) => (
            <li
              key={check.check}
              className={check.pass ? 'pass' : 'fail'}
              data-testid="score-check"
              data-check={check.check}
              data-pass={check.pass}
            >
              <span aria-hidden="true">{check.pass ? '✓' : '✗'}</span>{' '}
              {t(`scores.checks.${check.check}`, { expected: valueText(check.expected) })}
              <span className="score-actual">
                {' '}
                · {t('scores.actual', { actual: valueText(check.actual) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <dl className="score-metrics">
        <dt>{t('scores.repetition')}</dt>
        <dd data-testid="score-repetition">{percent(score.repetition)}</dd>
        <dt>{t('scores.overlap')}</dt>
        <dd>
          {percent(score.overlap)}
          {score.copiesInput && <strong className="score-copy"> {t('scores.copies')}</strong>}
        </dd>
        <dt>{t('scores.stockPhrases')}</dt>
        <dd>{score.stockPhrases}</dd>
      </dl>
    </div>
  )
}
