import { useTranslation } from 'react-i18next'
import {
  FIELD_LIMITS,
  SAMPLING_FIELDS,
  samplingProblems,
  type SamplingDraft,
} from './playgroundDraft'

/** How many samples a run makes and with which seeds. */
export type RunDraft = { count: number; seedMode: 'fixed' | 'fresh'; seed: number }

type Props = {
  sampling: SamplingDraft
  runs: RunDraft
  onSampling(sampling: SamplingDraft): void
  onRuns(runs: RunDraft): void
}

/** The playground's sampling values, and the number of samples and their seeds. */
export function SamplingFields({ sampling, runs, onSampling, onRuns }: Props) {
  const { t } = useTranslation()
  const problems = samplingProblems(sampling)
  return (
    <>
      {SAMPLING_FIELDS.map((field) => {
        const wrong = problems.includes(field)
        return (
          <label key={field}>
            {t(`playground.fields.${field}`)}
            <input
              type="number"
              data-testid={`playground-${field}`}
              {...FIELD_LIMITS[field]}
              aria-invalid={wrong || undefined}
              aria-describedby={wrong ? `playground-error-${field}` : undefined}
              value={Number.isNaN(sampling[field]) ? '' : sampling[field]}
              // An emptied field is no value (NaN, flagged), not 0.
              onChange={(e) =>
                onSampling({
                  ...sampling,
                  [field]: e.target.value.trim() === '' ? NaN : Number(e.target.value),
                })
              }
            />
            {wrong && (
              <span
                className="field-error"
                id={`playground-error-${field}`}
                data-testid={`playground-error-${field}`}
              >
                {t(
                  field === 'topK' || field === 'maxTokens'
                    ? 'playground.wholeRange'
                    : 'playground.range',
                  { min: FIELD_LIMITS[field].min, max: FIELD_LIMITS[field].max },
                )}
              </span>
            )}
          </label>
        )
      })}
      <label>
        {t('playground.count')}
        <input
          type="number"
          min={1}
          max={6}
          data-testid="playground-count"
          value={runs.count}
          onChange={(e) =>
            onRuns({ ...runs, count: Math.min(6, Math.max(1, Number(e.target.value) || 1)) })
          }
        />
      </label>
      <label>
        {t('playground.seeds')}
        <select
          data-testid="playground-seed-mode"
          value={runs.seedMode}
          onChange={(e) => onRuns({ ...runs, seedMode: e.target.value as RunDraft['seedMode'] })}
        >
          <option value="fixed">{t('playground.fixed')}</option>
          <option value="fresh">{t('playground.fresh')}</option>
        </select>
      </label>
      {runs.seedMode === 'fixed' && (
        <label>
          {t('playground.firstSeed')}
          <input
            type="number"
            min={0}
            data-testid="playground-seed"
            value={runs.seed}
            onChange={(e) =>
              onRuns({ ...runs, seed: Math.max(0, Math.floor(Number(e.target.value) || 0)) })
            }
          />
        </label>
      )}
    </>
  )
}
