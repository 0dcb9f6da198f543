import { useTranslation } from 'react-i18next'
import { themeSchema, uiLanguageSchema } from '@shared/settings/schema'
import { hostErrorText } from '../i18n/hostText'
import type { Appearance } from './appearance'
import { Field } from './Field'
import type { AppearanceControls } from './useAppearance'

/** How Quire looks and speaks: the interface language and the theme, applied as they change. */
export function AppearanceSection({ appearance, change, saveError }: AppearanceControls) {
  const { t } = useTranslation()
  return (
    <section className="panel-section" aria-labelledby="settings-appearance">
      <h3 id="settings-appearance">{t('settings.appearance.title')}</h3>
      <div className="settings-grid">
        <Field
          label={t('settings.appearance.uiLanguage')}
          testId="ui-language"
          hint={t('settings.appearance.appliesAtOnce')}
        >
          {(control) => (
            <select
              {...control}
              value={appearance.uiLanguage}
              onChange={(event) =>
                change({ uiLanguage: event.target.value as Appearance['uiLanguage'] })
              }
            >
              {uiLanguageSchema.options.map((choice) => (
                <option key={choice} value={choice} lang={choice === 'zh' ? 'zh-CN' : undefined}>
                  {t(`settings.appearance.language.${choice}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('settings.appearance.theme')} testId="ui-theme">
          {(control) => (
            <select
              {...control}
              value={appearance.theme}
              onChange={(event) => change({ theme: event.target.value as Appearance['theme'] })}
            >
              {themeSchema.options.map((choice) => (
                <option key={choice} value={choice}>
                  {t(`settings.appearance.themes.${choice}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {saveError !== null && (
        <p className="field-error" role="alert" data-testid="appearance-error">
          {t('settings.appearance.notSaved', { message: hostErrorText(t, saveError) })}
        </p>
      )}
    </section>
  )
}
