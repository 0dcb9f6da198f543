import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Language } from '@shared/contract'
import { languages, type PhraseDraft } from './draft'
import { PhraseList } from './PhraseList'
import type { SectionProps } from './sectionProps'

/** The `replace-phrases` clean-up step: stock phrases swapped for plainer ones, per language. */
export function ReplacementsSection({
  draft,
  errors,
  edit,
  uiLanguage,
}: SectionProps & { uiLanguage: Language }) {
  const { t } = useTranslation()
  const [shown, setShown] = useState<Language>(uiLanguage)
  const hasError = (language: Language) =>
    Object.keys(errors).some(
      (field) => field === `phrases.${language}` || field.startsWith(`phrase.${language}.`),
    )
  const change = (language: Language) => (next: PhraseDraft) =>
    edit((current) => ({
      ...current,
      replacements: { ...current.replacements, [language]: next },
    }))

  return (
    <section className="panel-section" aria-labelledby="settings-phrases">
      <h3 id="settings-phrases">{t('settings.phrases.title')}</h3>
      <p className="field-hint settings-intro">{t('settings.phrases.intro')}</p>
      <div className="settings-tabs" role="tablist" aria-label={t('settings.phrases.title')}>
        {languages.map((language) => (
          <button
            key={language}
            type="button"
            role="tab"
            id={`phrases-tab-${language}`}
            aria-controls="phrases-tabpanel"
            aria-selected={shown === language}
            className="settings-tab"
            data-testid={`phrases-tab-${language}`}
            onClick={() => setShown(language)}
          >
            {t(`settings.phrases.language.${language}`)}
            {hasError(language) && (
              <span className="tab-error-dot" aria-label={t('settings.phrases.hasError')} />
            )}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="phrases-tabpanel" aria-labelledby={`phrases-tab-${shown}`}>
        <PhraseList
          key={shown}
          language={shown}
          phrases={draft.replacements[shown]}
          errors={errors}
          onChange={change(shown)}
        />
      </div>
    </section>
  )
}
