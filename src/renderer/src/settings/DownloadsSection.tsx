import { useTranslation } from 'react-i18next'
import { TextField } from './Field'
import { setter, type SectionProps } from './sectionProps'

/** Where models download from: Hugging Face, or a mirror such as hf-mirror.com. */
export function DownloadsSection({ draft, errors, edit }: SectionProps) {
  const { t } = useTranslation()
  return (
    <section className="panel-section" aria-labelledby="settings-downloads">
      <h3 id="settings-downloads">{t('settings.models.title')}</h3>
      <TextField
        label={t('settings.models.endpoint')}
        testId="setting-hf-endpoint"
        hint={t('settings.models.endpointHint')}
        error={errors.hfEndpoint}
        type="url"
        placeholder="https://hf-mirror.com"
        value={draft.hfEndpoint}
        onChange={setter(edit, 'hfEndpoint')}
      />
    </section>
  )
}
