import { useTranslation } from 'react-i18next'
import { Field } from './Field'
import type { RemoteKeyProps } from './RemoteEngineFields'
import { remoteKeyWarning } from './remoteKeyWarning'

type Props = RemoteKeyProps & {
  value: string
  onChange(value: string): void
  error: string | undefined
  /** The server address as the writer is typing it: the key is bound to the saved one. */
  address: string
}

/** The server's API key, write-only: a stored key is never shown, only that there is one and which address it is for. */
export function RemoteKeyField({ status, onForget, value, onChange, error, address }: Props) {
  const { t } = useTranslation()
  const canStore = status?.persistent ?? false
  const hasKey = status?.hasKey ?? false
  const stored = status?.source === 'stored'
  const warning = remoteKeyWarning(status, address)
  const hint = canStore
    ? t('settings.key.storedSafely')
    : hasKey
      ? t('settings.key.fromEnvironment')
      : t('settings.key.cannotStore')
  return (
    <Field label={t('settings.key.label')} testId="setting-remote-key" hint={hint} error={error}>
      {(control) => (
        <>
          <input
            {...control}
            type="password"
            autoComplete="new-password"
            spellCheck={false}
            disabled={!canStore}
            placeholder={
              !canStore
                ? t('settings.key.unavailable')
                : hasKey
                  ? t('settings.key.replacePlaceholder')
                  : t('settings.key.placeholder')
            }
            value={value}
            onChange={(event) => onChange(event.target.value)}
          />
          {warning && (
            <p className="field-warning" data-testid="remote-key-warning" data-kind={warning.key}>
              {t(`settings.key.${warning.key}`, { url: warning.url })}
            </p>
          )}
          {(hasKey || stored) && (
            <div className="row settings-key-status" data-testid="remote-key-status">
              {hasKey && (
                <span className="pill pill-ok">
                  {stored ? t('settings.key.stored') : t('settings.key.environment')}
                </span>
              )}
              {stored && canStore && (
                <button
                  type="button"
                  className="button subtle"
                  data-testid="remote-key-forget"
                  onClick={onForget}
                >
                  {t('settings.key.forget')}
                </button>
              )}
            </div>
          )}
        </>
      )}
    </Field>
  )
}
