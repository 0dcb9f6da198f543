import { useTranslation } from 'react-i18next'
import type { QuireApi } from '@shared/contract'
import { backendName } from './format'
import { useEngineStatus } from './useEngineStatus'

/** What the loaded model actually runs with, which may differ from what was asked (a fallback, a command-line value). */
export function LoadedModel({ api }: { api: QuireApi }) {
  const { t, i18n } = useTranslation()
  const status = useEngineStatus(api)
  if (status?.state === 'loading' || status?.state === 'restarting')
    return (
      <p className="settings-loaded" data-testid="engine-loaded" data-state={status.state}>
        <span className="spinner" aria-hidden="true" />
        {t('settings.loaded.reloading')}
      </p>
    )
  const model = status?.model
  if (!model) return null
  const number = new Intl.NumberFormat(i18n.language).format
  if (model.backend === 'remote')
    return (
      <p className="settings-loaded" data-testid="engine-loaded" data-state={status.state}>
        {t('settings.loaded.remote', { name: model.name, server: model.path })}
      </p>
    )
  const facts = [
    backendName(model.backend),
    t('settings.loaded.layers', { gpu: model.gpuLayers, total: model.totalLayers }),
    t('settings.loaded.threads', { count: model.threads }),
    t('settings.loaded.context', { context: number(model.contextSize) }),
    t('settings.loaded.sequences', { count: model.sequences }),
  ]
  return (
    <div className="settings-loaded" data-testid="engine-loaded" data-state={status.state}>
      <p className="settings-loaded-title">
        <span>{t('settings.loaded.label')}</span>
        <strong>{model.name}</strong>
      </p>
      <ul className="settings-loaded-facts">
        {facts.map((fact) => (
          <li key={fact} className="pill">
            {fact}
          </li>
        ))}
      </ul>
      {model.fallback && <p className="settings-fallback">{model.fallback}</p>}
    </div>
  )
}
