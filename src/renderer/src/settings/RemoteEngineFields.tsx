import { useTranslation } from 'react-i18next'
import { TextField } from './Field'
import { RemoteKeyField } from './RemoteKeyField'
import { setter, type SectionProps } from './sectionProps'
import type { RemoteKeyStatus } from './useSettingsForm'

export type RemoteKeyProps = { status: RemoteKeyStatus | null; onForget(): void }

/** An OpenAI-compatible server: its address, the model to ask for, how long to wait, the key. */
export function RemoteEngineFields({
  draft,
  errors,
  edit,
  remoteKey,
}: SectionProps & { remoteKey: RemoteKeyProps }) {
  const { t } = useTranslation()
  const setUrl = setter(edit, 'remoteUrl')
  const setModel = setter(edit, 'remoteModel')
  const setTimeoutSeconds = setter(edit, 'timeoutSeconds')
  return (
    <>
      <TextField
        label={t('settings.remote.url')}
        testId="setting-remote-url"
        hint={t('settings.remote.urlHint')}
        error={errors.remoteUrl}
        type="url"
        placeholder="http://127.0.0.1:8080/v1"
        value={draft.remoteUrl}
        onChange={setUrl}
      />
      <div className="settings-grid">
        <TextField
          label={t('settings.remote.model')}
          testId="setting-remote-model"
          hint={t('settings.remote.modelHint')}
          error={errors.remoteModel}
          value={draft.remoteModel}
          onChange={setModel}
        />
        <TextField
          label={t('settings.remote.timeout')}
          testId="setting-remote-timeout"
          error={errors.timeoutSeconds}
          numeric
          value={draft.timeoutSeconds}
          onChange={setTimeoutSeconds}
        />
      </div>
      <RemoteKeyField
        value={draft.apiKey}
        onChange={setter(edit, 'apiKey')}
        error={errors.apiKey}
        address={draft.remoteUrl}
        {...remoteKey}
      />
    </>
  )
}
