import { useEffect, useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { QuireApi } from '@shared/contract'
import { hfEndpointSettingSchema } from '@shared/settings/schema'
import { hostErrorText } from '../i18n/hostText'

type Phase = { saved: string; text: string; note: 'saved' | null; failure: unknown }

/**
 * The download endpoint (a Hugging Face mirror), kept in the settings so every download uses
 * it; checked while typing, saved with its own button.
 */
export function EndpointField({ api }: { api: QuireApi }) {
  const { t } = useTranslation()
  const id = useId()
  const [phase, setPhase] = useState<Phase | null>(null)
  useEffect(() => {
    let live = true
    api.getSettings().then(
      (settings) =>
        live &&
        setPhase({
          saved: settings.hfEndpoint,
          text: settings.hfEndpoint,
          note: null,
          failure: null,
        }),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [api])
  if (!phase) return null
  const invalid = !hfEndpointSettingSchema.safeParse(phase.text).success
  const changed = phase.text.trim() !== phase.saved
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (invalid || !changed) return
    api.updateSettings({ hfEndpoint: phase.text.trim() }).then(
      (settings) =>
        setPhase((p) => p && { ...p, saved: settings.hfEndpoint, note: 'saved', failure: null }),
      (failure: unknown) => setPhase((p) => p && { ...p, note: null, failure }),
    )
  }
  const described = [`${id}-hint`, invalid ? `${id}-error` : null].filter(Boolean).join(' ')

  return (
    <section className="panel-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('settings.models.endpoint')}</h3>
      <form className="models-endpoint" onSubmit={submit} noValidate>
        <input
          id={id}
          type="url"
          data-testid="models-endpoint"
          aria-labelledby={`${id}-title`}
          aria-describedby={described}
          aria-invalid={invalid}
          autoComplete="off"
          spellCheck={false}
          placeholder="https://hf-mirror.com"
          value={phase.text}
          onChange={(event) =>
            setPhase({ ...phase, text: event.target.value, note: null, failure: null })
          }
        />
        <button
          type="submit"
          className="button"
          data-testid="models-endpoint-save"
          disabled={invalid || !changed}
        >
          {t('models.endpoint.save')}
        </button>
      </form>
      {invalid && (
        <p className="field-error" id={`${id}-error`} data-testid="models-endpoint-error">
          {t('settings.models.endpointInvalid')}
        </p>
      )}
      {phase.failure !== null && (
        <p className="field-error" role="alert">
          {hostErrorText(t, phase.failure)}
        </p>
      )}
      {phase.note === 'saved' && (
        <p className="field-hint" role="status" data-testid="models-endpoint-saved">
          {phase.saved
            ? t('models.endpoint.saved', { endpoint: phase.saved })
            : t('models.endpoint.default')}
        </p>
      )}
      <p className="field-hint" id={`${id}-hint`}>
        {t('settings.models.endpointHint')}
      </p>
    </section>
  )
}
