import { useTranslation } from 'react-i18next'
import { formatBytes, formatDuration } from './format'
import type { DownloadView } from './modelsState'

type Props = {
  download: DownloadView
  onPause(): void
  /** Null when the download cannot be resumed from here. */
  onResume: (() => void) | null
  onCancel(): void
}

/** A download's bar, what it is doing in words (bytes, speed, time left), and Pause / Resume / Cancel. */
export function DownloadProgress({ download, onPause, onResume, onCancel }: Props) {
  const { t, i18n } = useTranslation()
  const { phase, downloadedBytes, totalBytes, bytesPerSecond, etaSeconds, downloadId } = download
  const bytes = (n: number) => formatBytes(n, i18n.language)
  const fraction = totalBytes ? Math.min(1, downloadedBytes / totalBytes) : null
  const amount = totalBytes
    ? t('models.progress.amount', { done: bytes(downloadedBytes), total: bytes(totalBytes) })
    : bytes(downloadedBytes)

  const words = (() => {
    switch (phase) {
      case 'starting':
      case 'connecting':
        return t('models.progress.connecting')
      case 'downloading':
        return [
          amount,
          bytesPerSecond > 0 && t('models.progress.speed', { speed: bytes(bytesPerSecond) }),
          etaSeconds !== null && t('models.progress.eta', { time: formatDuration(etaSeconds, t) }),
        ]
          .filter(Boolean)
          .join(' · ')
      case 'verifying':
        return t('models.progress.verifying')
      case 'pausing':
        return t('models.progress.pausing')
      case 'paused':
        return t('models.progress.paused', { amount })
      case 'cancelling':
        return t('models.progress.cancelling')
      default:
        void (phase satisfies never)
        return ''
    }
  })()
  const running = phase === 'starting' || phase === 'connecting' || phase === 'downloading'

  return (
    <div className="models-download" data-testid="download-progress" data-phase={phase}>
      <div
        className={`progress${fraction === null ? ' models-progress-unknown' : ''}`}
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}
        aria-label={words}
      >
        <span style={{ width: `${Math.round((fraction ?? 0.3) * 100)}%` }} />
      </div>
      <div className="models-download-line">
        <span className="models-download-words" data-testid="download-words">
          {words}
        </span>
        <span className="row">
          {running && (
            <button
              type="button"
              className="button"
              data-testid="download-pause"
              disabled={downloadId === null}
              onClick={onPause}
            >
              {t('models.actions.pause')}
            </button>
          )}
          {phase === 'paused' && onResume && (
            <button
              type="button"
              className="button primary"
              data-testid="download-resume"
              onClick={onResume}
            >
              {t('models.actions.resume')}
            </button>
          )}
          {(running || phase === 'paused') && (
            <button
              type="button"
              className="button subtle"
              data-testid="download-cancel"
              title={t('models.progress.cancelHint')}
              disabled={running && downloadId === null}
              onClick={onCancel}
            >
              {t('models.actions.cancel')}
            </button>
          )}
        </span>
      </div>
    </div>
  )
}
