import { useTranslation } from 'react-i18next'
import type { EngineStatus } from '@shared/contract'
import { backendName, baseName } from './format'

/** The model the engine runs now: where it runs (backend, GPU layers, threads) and its context. */
export function LoadedModel({ status }: { status: EngineStatus | null }) {
  const { t, i18n } = useTranslation()
  const state = status?.state ?? 'starting'
  const model = status?.model ?? null
  const number = (n: number) => new Intl.NumberFormat(i18n.language).format(n)

  return (
    <section className="panel-section models-loaded" data-testid="loaded-model" data-state={state}>
      <h3>{t('models.loaded.heading')}</h3>
      {state === 'loading' ? (
        <p className="models-loaded-empty">
          {t('models.loaded.loading', { name: baseName(status?.loadingPath ?? '') })}
        </p>
      ) : model ? (
        <>
          <p className="models-loaded-name" title={model.path}>
            {model.name}
            <span className="models-file">{baseName(model.path)}</span>
          </p>
          <dl className="models-facts">
            <div>
              <dt>{t('models.loaded.backend')}</dt>
              <dd data-testid="loaded-backend">{backendName(model.backend)}</dd>
            </div>
            <div>
              <dt>{t('models.loaded.gpuLayers')}</dt>
              <dd>
                {t('models.loaded.layers', {
                  offloaded: model.gpuLayers,
                  total: model.totalLayers,
                })}
              </dd>
            </div>
            <div>
              <dt>{t('models.loaded.threads')}</dt>
              <dd>{number(model.threads)}</dd>
            </div>
            <div>
              <dt>{t('models.loaded.context')}</dt>
              <dd>
                {t('models.loaded.tokens', {
                  count: model.contextSize,
                  n: number(model.contextSize),
                })}
              </dd>
            </div>
          </dl>
          {model.fallback && (
            <p className="models-note" data-testid="loaded-fallback">
              {model.fallback}
            </p>
          )}
        </>
      ) : (
        <p className="models-loaded-empty">
          {state === 'idle' ? t('models.loaded.none') : t(`engine.${state}`)}
        </p>
      )}
    </section>
  )
}
