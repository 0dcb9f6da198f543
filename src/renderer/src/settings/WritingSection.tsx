import { useTranslation } from 'react-i18next'
import { languageChoiceSchema, type LanguageChoice } from '@shared/contract'
import { formatShortcut, isMacPlatform } from '../editor/shortcuts'
import { CONTINUE_SHORTCUT } from '../editor/plugins/GhostText/commands'
import { Field } from './Field'
import { setter, type SectionProps } from './sectionProps'

/** How Quire writes: which language its prompts are in, and whether it continues by itself. */
export function WritingSection({ draft, errors, edit }: SectionProps) {
  const { t } = useTranslation()
  const setLanguage = setter(edit, 'promptLanguage')
  const setAutoSuggest = setter(edit, 'autoSuggest')
  return (
    <section className="panel-section" aria-labelledby="settings-writing">
      <h3 id="settings-writing">{t('settings.writing.title')}</h3>
      <Field
        label={t('settings.writing.promptLanguage')}
        testId="setting-prompt-language"
        hint={t('settings.writing.promptLanguageHint')}
        error={errors.promptLanguage}
      >
        {(control) => (
          <select
            {...control}
            value={draft.promptLanguage}
            onChange={(event) => setLanguage(event.target.value as LanguageChoice)}
          >
            {languageChoiceSchema.options.map((choice) => (
              <option key={choice} value={choice}>
                {t(`settings.writing.language.${choice}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <label className="settings-check">
        <input
          type="checkbox"
          data-testid="setting-auto-suggest"
          checked={draft.autoSuggest}
          onChange={(event) => setAutoSuggest(event.target.checked)}
        />
        <span>
          {t('settings.writing.autoSuggest')}
          <span className="field-hint">
            {t('settings.writing.autoSuggestHint', {
              shortcut: formatShortcut(CONTINUE_SHORTCUT, isMacPlatform()),
            })}
          </span>
        </span>
      </label>
    </section>
  )
}
