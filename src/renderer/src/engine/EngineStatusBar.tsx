import { useState } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { EngineStatus } from '@shared/contract'
import { hostErrorText } from '../i18n/hostText'

const basename = (path: string): string => path.split(/[\\/]/).pop() ?? path

/** " 45%" while a load reports its progress. */
function percent(status: EngineStatus | null): string {
  const progress = status?.loadProgress ?? null
  return progress === null ? '' : ` ${Math.round(progress * 100)}%`
}

type State = EngineStatus['state'] | 'disconnected'

/**
 * The engine's state in words, without the load percentage: what a screen reader is told once
 * per change. A server in use is named ("Remote: host"), connected or not, never "No model".
 */
export function engineStateText(t: TFunction, state: State, status: EngineStatus | null): string {
  const server = status?.remote?.server
  if (server !== undefined && state !== 'disconnected') {
    if (state === 'ready' && status?.model)
      return t('engine.remote.ready', { server, name: status.model.name })
    if (state === 'loading' || state === 'starting')
      return t('engine.remote.connecting', { server })
    return t('engine.remote.unreachable', { server })
  }
  if (state === 'ready' && status?.model)
    return t('engine.ready', {
      name: status.model.name,
      backend: status.model.backend.toUpperCase(),
    })
  if (state === 'loading') return t('engine.loading', { name: basename(status?.loadingPath ?? '') })
  return t(`engine.${state}`)
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
  const state: State = connectionError ? 'disconnected' : (status?.state ?? 'starting')
  const spoken = engineStateText(t, state, status)
  const label = state === 'loading' && !status?.remote ? spoken + percent(status) : spoken
  // The header shows "name · CPU"; said aloud, that needs the word "ready".
  const announced =
    state === 'ready' && status?.model && !status.remote
      ? t('engine.announceReady', {
          name: status.model.name,
          backend: status.model.backend.toUpperCase(),
        })
      : spoken
  const notice =
    connectionError ??
    (status?.notice ? hostErrorText(t, { message: status.notice, ...status.noticeRef }) : null)

  return (
    <div className="engine-status">
      <span
        className="engine-state"
        data-testid="engine-status"
        data-state={state}
        data-remote={status?.remote ? 'true' : undefined}
        title={status?.model?.path}
      >
        <span className={`dot dot-${state}`} aria-hidden="true" />
        {label}
      </span>
      {/* Polite, and without the percentage: each change of state is announced once. */}
      <span
        className="visually-hidden"
        role="status"
        aria-live="polite"
        data-testid="engine-announce"
      >
        {announced}
      </span>
      {notice && notice !== dismissed && (
        <div className="engine-notice" role="alert" data-testid="engine-notice">
          <span>{notice}</span>
          <button
            type="button"
            className="button subtle"
            aria-label={t('engine.dismissNotice')}
            onClick={() => setDismissed(notice)}
          >
            {t('engine.dismiss')}
          </button>
        </div>
      )}
    </div>
  )
}
