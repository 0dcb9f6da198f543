import { useTranslation } from 'react-i18next'
import type { SettingsDraft } from './draft'
import { Field, TextField } from './Field'
import { limits } from './limits'
import { setter, type SectionProps } from './sectionProps'

const gpuChoices = ['auto', 'off'] as const satisfies readonly SettingsDraft['gpu'][]
const sequenceChoices = Array.from(
  { length: limits.sequences.max - limits.sequences.min + 1 },
  (_, index) => String(limits.sequences.min + index),
)

/** The engine on this computer: threads, GPU offloading, parallel sequences. */
export function LocalEngineFields({ draft, errors, edit }: SectionProps) {
  const { t } = useTranslation()
  const setThreads = setter(edit, 'threads')
  const setGpu = setter(edit, 'gpu')
  const setGpuLayers = setter(edit, 'gpuLayers')
  const setSequences = setter(edit, 'sequences')
  const gpuOff = draft.gpu === 'off'
  return (
    <div className="settings-grid">
      <TextField
        label={t('settings.engine.threads')}
        testId="setting-threads"
        hint={t('settings.engine.threadsHint')}
        error={errors.threads}
        numeric
        placeholder={t('settings.engine.auto')}
        value={draft.threads}
        onChange={setThreads}
      />
      <Field
        label={t('settings.engine.sequences')}
        testId="setting-sequences"
        hint={t('settings.engine.sequencesHint')}
        error={errors.sequences}
      >
        {(control) => (
          <select
            {...control}
            value={draft.sequences}
            onChange={(event) => setSequences(event.target.value)}
          >
            {!sequenceChoices.includes(draft.sequences) && (
              <option value={draft.sequences}>{draft.sequences}</option>
            )}
            {sequenceChoices.map((count) => (
              <option key={count} value={count}>
                {count}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('settings.engine.gpu')} testId="setting-gpu" error={errors.gpu}>
        {(control) => (
          <select
            {...control}
            value={draft.gpu}
            onChange={(event) => setGpu(event.target.value as SettingsDraft['gpu'])}
          >
            {gpuChoices.map((choice) => (
              <option key={choice} value={choice}>
                {t(`settings.engine.gpuChoice.${choice}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('settings.engine.gpuLayers')}
        testId="setting-gpu-layers"
        hint={gpuOff ? t('settings.engine.gpuLayersOff') : t('settings.engine.gpuLayersHint')}
        error={errors.gpuLayers}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            disabled={gpuOff}
            placeholder={t('settings.engine.auto')}
            value={draft.gpuLayers}
            onChange={(event) => setGpuLayers(event.target.value)}
          />
        )}
      </Field>
    </div>
  )
}
