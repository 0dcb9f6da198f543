import { useTranslation } from 'react-i18next'
import type { Language } from '@shared/contract'
import { defaultReplacements } from '@shared/postprocess'
import { phraseRow, type FieldErrors, type PhraseDraft, type PhraseRow } from './draft'

type Props = {
  language: Language
  phrases: PhraseDraft
  errors: FieldErrors
  onChange(next: PhraseDraft): void
}

/** One language's clean-up phrases: Quire's defaults (read-only) or the writer's own rows. */
export function PhraseList({ language, phrases, errors, onChange }: Props) {
  const { t } = useTranslation()
  const update = (key: number, change: Partial<PhraseRow>) =>
    onChange({
      ...phrases,
      rows: phrases.rows.map((row) => (row.key === key ? { ...row, ...change } : row)),
    })
  const remove = (key: number) =>
    onChange({ ...phrases, rows: phrases.rows.filter((row) => row.key !== key) })
  const add = () => onChange({ ...phrases, rows: [...phrases.rows, phraseRow()] })
  const listError = errors[`phrases.${language}`]

  return (
    <div className="phrase-list" data-testid={`phrases-${language}`}>
      <label className="settings-check">
        <input
          type="checkbox"
          data-testid="phrases-use-defaults"
          checked={phrases.useDefaults}
          onChange={(event) => onChange({ ...phrases, useDefaults: event.target.checked })}
        />
        <span>{t('settings.phrases.useDefaults')}</span>
      </label>

      {phrases.useDefaults ? (
        <ul
          className="phrase-rows phrase-rows-readonly"
          aria-label={t('settings.phrases.defaults')}
        >
          {defaultReplacements[language].map(([from, to]) => (
            <li key={from} className="phrase-row" data-testid="replacement-default-row">
              <span className="phrase-from">{from}</span>
              <span className="phrase-arrow" aria-hidden="true">
                →
              </span>
              <span className={to === '' ? 'phrase-to phrase-dropped' : 'phrase-to'}>
                {to === '' ? t('settings.phrases.dropped') : to}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <>
          {phrases.rows.length === 0 && <p className="field-hint">{t('settings.phrases.empty')}</p>}
          <ul className="phrase-rows">
            {phrases.rows.map((row, index) => {
              const error = errors[`phrase.${language}.${row.key}`]
              return (
                <li
                  key={row.key}
                  className={`phrase-row${error ? ' has-error' : ''}`}
                  data-testid="replacement-row"
                >
                  <input
                    type="text"
                    data-testid="replacement-from"
                    aria-label={t('settings.phrases.from', { number: index + 1 })}
                    aria-invalid={Boolean(error)}
                    placeholder={t('settings.phrases.fromPlaceholder')}
                    value={row.from}
                    onChange={(event) => update(row.key, { from: event.target.value })}
                  />
                  <span className="phrase-arrow" aria-hidden="true">
                    →
                  </span>
                  <input
                    type="text"
                    data-testid="replacement-to"
                    aria-label={t('settings.phrases.to', { number: index + 1 })}
                    placeholder={t('settings.phrases.toPlaceholder')}
                    value={row.to}
                    onChange={(event) => update(row.key, { to: event.target.value })}
                  />
                  <button
                    type="button"
                    className="button subtle phrase-remove"
                    data-testid="replacement-remove"
                    aria-label={t('settings.phrases.remove', { number: index + 1 })}
                    title={t('settings.phrases.remove', { number: index + 1 })}
                    onClick={() => remove(row.key)}
                  >
                    ×
                  </button>
                  {error && (
                    <p className="field-error phrase-error" data-testid="replacement-error">
                      {error}
                    </p>
                  )}
                </li>
              )
            })}
          </ul>
          <button type="button" className="button" data-testid="replacement-add" onClick={add}>
            {t('settings.phrases.add')}
          </button>
        </>
      )}
      {listError && <p className="field-error">{listError}</p>}
    </div>
  )
}
