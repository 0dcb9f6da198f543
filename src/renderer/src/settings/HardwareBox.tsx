import { useTranslation } from 'react-i18next'
import type { QuireApi } from '@shared/contract'
import { backendName, formatBytes } from './format'
import { useHardware } from './useHardware'

/** A small summary of this computer: where the model can run and how much memory there is. */
export function HardwareBox({ api }: { api: QuireApi }) {
  const { t, i18n } = useTranslation()
  const { state, retry } = useHardware(api)
  const bytes = (value: number) => formatBytes(value, i18n.language)

  return (
    <div
      className="hardware-box"
      data-testid="hardware-info"
      data-phase={state.phase}
      data-backend={state.phase === 'ready' ? state.report.backend : undefined}
      aria-busy={state.phase === 'loading'}
    >
      <h4>{t('settings.hardware.title')}</h4>
      {state.phase === 'loading' && (
        <p className="hardware-loading">
          <span className="spinner" aria-hidden="true" />
          {t('settings.hardware.loading')}
        </p>
      )}
      {state.phase === 'failed' && (
        <div className="row">
          <p className="field-error">{t('settings.hardware.failed', { message: state.message })}</p>
          <button type="button" className="button" onClick={retry}>
            {t('settings.hardware.retry')}
          </button>
        </div>
      )}
      {state.phase === 'ready' && (
        <>
          <dl className="hardware-list">
            <dt>{t('settings.hardware.backend')}</dt>
            <dd data-testid="hardware-backend">{backendName(state.report.backend)}</dd>
            <dt>{t('settings.hardware.gpu')}</dt>
            <dd>
              {state.report.gpuDevices.length > 0
                ? state.report.gpuDevices.join(', ')
                : t('settings.hardware.noGpu')}
            </dd>
            {state.report.vram && (
              <>
                <dt>{t('settings.hardware.vram')}</dt>
                <dd>
                  {t('settings.hardware.freeOf', {
                    free: bytes(state.report.vram.freeBytes),
                    total: bytes(state.report.vram.totalBytes),
                  })}
                </dd>
              </>
            )}
            <dt>{t('settings.hardware.ram')}</dt>
            <dd>
              {t('settings.hardware.freeOf', {
                free: bytes(state.report.ram.freeBytes),
                total: bytes(state.report.ram.totalBytes),
              })}
            </dd>
            <dt>{t('settings.hardware.cores')}</dt>
            <dd>{state.report.cpuMathCores}</dd>
          </dl>
          {state.report.gpuNote && <p className="hardware-note">{state.report.gpuNote}</p>}
        </>
      )}
    </div>
  )
}
