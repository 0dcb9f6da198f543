import { hostErrorText, type HostMessage } from '../i18n/hostText'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { EngineStatus, ModelListEntry } from '@shared/contract'
import { catalogInfo } from './catalogInfo'
import { DownloadProgress } from './DownloadProgress'
import { formatBytes } from './format'
import type { DownloadView } from './modelsState'
import { RemoveConfirm } from './RemoveConfirm'
import type { ModelsActions } from './useModels'

type Props = {
  entry: ModelListEntry
  download: DownloadView | null
  status: EngineStatus | null
  error: HostMessage | null
  busy: boolean
  /** Just downloaded or added: the row says so. */
  arrived: boolean
  actions: ModelsActions
}

/** A paused download the panel did not see start: what the list knows of its partial file. */
function pausedFromEntry(entry: ModelListEntry): DownloadView {
  return {
    modelId: entry.id,
    downloadId: null,
    phase: 'paused',
    downloadedBytes: entry.partialBytes ?? 0,
    totalBytes: entry.source === 'catalog' ? entry.sizeBytes : null,
    bytesPerSecond: 0,
    etaSeconds: null,
  }
}

/** One model: what it is and needs, its state here, and what the writer can do with it. */
export function ModelRow({ entry, download, status, error, busy, arrived, actions }: Props) {
  const { t, i18n } = useTranslation()
  const [confirming, setConfirming] = useState(false)
  const info = entry.source === 'catalog' ? catalogInfo(entry.id) : null
  const inUse = entry.path !== null && status?.model?.path === entry.path
  const loadingThis =
    entry.path !== null && status?.state === 'loading' && status.loadingPath === entry.path
  const engineBusy = status?.state === 'loading' || status?.state === 'starting'
  const shown = download ?? (entry.status === 'partial' ? pausedFromEntry(entry) : null)
  // A paused link download cannot be resumed from its row: the list does not know the link.
  const resumable = entry.source === 'catalog'
  const removable =
    entry.source !== 'catalog' || entry.status === 'installed' || entry.status === 'partial'

  const size =
    entry.sizeBytes === null
      ? null
      : info && !info.sizeExact && entry.status !== 'installed'
        ? t('models.row.about', { size: formatBytes(entry.sizeBytes, i18n.language) })
        : formatBytes(entry.sizeBytes, i18n.language)

  return (
    <li
      className={`models-row${inUse ? ' is-in-use' : ''}${arrived ? ' is-new' : ''}`}
      data-testid="model-row"
      data-model-id={entry.id}
      data-status={entry.status}
      data-source={entry.source}
    >
      <div className="models-row-head">
        <span className="models-row-title">{entry.title}</span>
        {entry.isDefault && (
          <span className="pill models-pill-accent">{t('models.row.default')}</span>
        )}
        {arrived && <span className="pill models-pill-ok">{t('models.row.new')}</span>}
      </div>
      {info && (
        <p className="models-row-about">
          {t(`models.about.${entry.id.replaceAll('.', '_')}`, { defaultValue: info.description })}
        </p>
      )}
      <p className="models-row-meta">
        {inUse ? (
          <span className="pill models-pill-ok">{t('models.row.inUse')}</span>
        ) : (
          // "Not downloaded" goes without saying next to a Download button.
          entry.status !== 'available' && (
            <span className={`pill models-status-${entry.status}`}>
              {t(`models.status.${entry.status}`)}
            </span>
          )
        )}
        {info && (
          <span>
            {info.minVramGb > 0
              ? t('models.row.needs', { ram: info.minRamGb, vram: info.minVramGb })
              : t('models.row.needsRam', { ram: info.minRamGb })}
          </span>
        )}
        {entry.source !== 'catalog' && (
          <span>
            {entry.source === 'imported' ? t('models.row.imported') : t('models.row.downloaded')}
          </span>
        )}
        {size && (
          <span className="models-row-size">
            {info && <span className="models-quant">{info.quantization}</span>}
            {size}
          </span>
        )}
      </p>
      {entry.source !== 'catalog' && entry.path && (
        <p className="models-path" title={entry.path}>
          {entry.path}
        </p>
      )}
      {entry.status === 'missing' && <p className="field-hint">{t('models.row.missing')}</p>}
      {entry.status === 'partial' && !resumable && (
        <p className="field-hint">{t('models.row.linkPartial')}</p>
      )}

      {shown && (
        <DownloadProgress
          download={shown}
          onPause={() => actions.pause(shown)}
          onResume={resumable ? () => actions.download(shown.modelId) : null}
          onCancel={() => actions.cancel(shown, entry.id)}
        />
      )}
      {error !== null && (
        <p className="models-error" role="alert" data-testid="model-error">
          {hostErrorText(t, error)}
        </p>
      )}

      {!shown && !confirming && (
        <div className="row models-row-actions">
          {entry.status === 'available' && (
            <button
              type="button"
              className="button primary"
              data-testid={`download-${entry.id}`}
              onClick={() => actions.download(entry.id)}
            >
              {t('models.actions.download')}
            </button>
          )}
          {entry.status === 'installed' && !inUse && (
            <button
              type="button"
              className="button primary"
              data-testid={`use-${entry.id}`}
              disabled={engineBusy || busy}
              onClick={() => actions.use(entry)}
            >
              {loadingThis ? t('models.actions.loading') : t('models.actions.use')}
            </button>
          )}
          {removable && (
            <button
              type="button"
              className="button subtle"
              data-testid={`remove-${entry.id}`}
              // The host keeps the model in use (and the one loading) until another one is loaded.
              disabled={busy || inUse || loadingThis}
              title={inUse || loadingThis ? t('models.remove.inUse') : undefined}
              onClick={() => setConfirming(true)}
            >
              {t('models.actions.remove')}
            </button>
          )}
        </div>
      )}
      {confirming && (
        <RemoveConfirm
          entry={entry}
          busy={busy}
          onConfirm={() => {
            setConfirming(false)
            actions.remove(entry)
          }}
          onKeep={() => setConfirming(false)}
        />
      )}
    </li>
  )
}
