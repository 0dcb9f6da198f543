import { useTranslation } from 'react-i18next'
import { Field } from './Field'
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
      <Field
        label={t('settings.remote.url')}
        testId="setting-remote-url"
        hint={t('settings.remote.urlHint')}
        error={errors.remoteUrl}
      >
        {(control) => (
          <input
            {...control}
            type="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="http://127.0.0.1:8080/v1"
            value={draft.remoteUrl}
            onChange={(event) => setUrl(event.target.value)}
          />
        )}
      </Field>
      <div className="settings-grid">
        <Field
          label={t('settings.remote.model')}
          testId="setting-remote-model"
          hint={t('settings.remote.modelHint')}
          error={errors.remoteModel}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={draft.remoteModel}
              onChange={(event) => setModel(event.target.value)}
            />
          )}
        </Field>
        <Field
          label={t('settings.remote.timeout')}
          testId="setting-remote-timeout"
          error={errors.timeoutSeconds}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              value={draft.timeoutSeconds}
              onChange={(event) => setTimeoutSeconds(event.target.value)}
            />
          )}
        </Field>
      </div>
      <RemoteKeyField
        value={draft.apiKey}
        onChange={setter(edit, 'apiKey')}
        error={errors.apiKey}
        {...remoteKey}
      />
    </>
  )
}
