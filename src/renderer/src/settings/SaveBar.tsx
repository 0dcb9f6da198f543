import { useTranslation } from 'react-i18next'
import type { FieldErrors } from './draft'
import type { SettingsFormState } from './useSettingsForm'

/** The Save button, what saving did, and what stopped it. */
export function SaveBar({
  state,
  errors,
  dirty,
  onSaveAnyway,
}: {
  state: SettingsFormState
  errors: FieldErrors
  dirty: boolean
  /** Saves a server that did not answer, because the writer says so. */
  onSaveAnyway(): void
}) {
  const { t } = useTranslation()
  const fieldErrors = Object.keys(errors).length
  const problem =
    state.problem ?? (fieldErrors > 0 ? t('settings.checkFields', { count: fieldErrors }) : null)
  const label =
    state.saving === 'engine'
      ? t(state.draft?.backend === 'remote' ? 'settings.connecting' : 'settings.reloading')
      : state.saving === 'settings'
        ? t('settings.saving')
        : t('settings.save')

  return (
    <div className="settings-footer">
      {problem && (
        <p className="settings-banner settings-error" role="alert" data-testid="settings-error">
          {problem}
        </p>
      )}
      {state.remoteCheck && !problem && (
        <div className="settings-banner settings-error" role="alert" data-testid="remote-check">
          <p>{t('settings.remote.notReached', { problem: state.remoteCheck.problem })}</p>
          <button
            type="button"
            className="button"
            data-testid="settings-save-anyway"
            onClick={onSaveAnyway}
          >
            {t('settings.remote.saveAnyway')}
          </button>
        </div>
      )}
      {state.note && !problem && (
        <p
          className={`settings-banner ${state.note === 'to-remote-unchecked' ? 'settings-warning' : 'settings-saved'}`}
          role="status"
          data-testid="settings-saved"
        >
          {t(`settings.note.${state.note}`)}
        </p>
      )}
      <div className="row settings-actions">
        <button
          type="submit"
          className="button primary"
          data-testid="settings-save"
          disabled={!dirty || state.saving !== 'no'}
        >
          {state.saving !== 'no' && <span className="spinner spinner-light" aria-hidden="true" />}
          {label}
        </button>
        <span className="field-hint" data-testid="settings-dirty">
          {dirty && state.saving === 'no' ? t('settings.unsaved') : ''}
        </span>
      </div>
    </div>
  )
}
