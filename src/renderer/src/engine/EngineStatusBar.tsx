import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { EngineStatus } from '@shared/contract'

const basename = (path: string): string => path.split(/[\\/]/).pop() ?? path

/** " 45%" while a load reports its progress. */
function percent(status: EngineStatus | null): string {
  const progress = status?.loadProgress ?? null
  return progress === null ? '' : ` ${Math.round(progress * 100)}%`
}

/** The engine's state in one line, and the last notice (a failed load, a restart) until dismissed. */
export function EngineStatusBar({
  status,
  connectionError,
}: {
  status: EngineStatus | null
  connectionError: string | null
}) {
  const { t } = useTranslation()
  const [dismissed, setDismissed] = useState<string | null>(null)
  const state = connectionError ? 'disconnected' : (status?.state ?? 'starting')
  const label =
    state === 'ready' && status?.model
      ? t('engine.ready', { name: status.model.name, backend: status.model.backend.toUpperCase() })
      : state === 'loading'
        ? t('engine.loading', { name: basename(status?.loadingPath ?? '') }) + percent(status)
        : t(`engine.${state}`)
  const notice = connectionError ?? status?.notice ?? null

  return (
    <div className="engine-status">
      <span
        className="engine-state"
        data-testid="engine-status"
        data-state={state}
        title={status?.model?.path}
      >
        <span className={`dot dot-${state}`} aria-hidden="true" />
        {label}
      </span>
      {notice && notice !== dismissed && (
        <div className="engine-notice" role="alert" data-testid="engine-notice">
          <span>{notice}</span>
          <button type="button" className="button subtle" onClick={() => setDismissed(notice)}>
            {t('engine.dismiss')}
          </button>
        </div>
      )}
    </div>
  )
}
