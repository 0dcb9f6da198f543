import { hostErrorText } from '../i18n/hostText'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { DownloadProgress } from './DownloadProgress'
import { baseName } from './format'
import { isLinkFile, linkFileName } from './links'
import { isLink, type ModelsState } from './modelsState'
import type { ModelsActions } from './useModels'

type Props = { state: ModelsState; actions: ModelsActions }

/** Advanced: download any GGUF by `hf:` URI or http(s) link, with the same progress and controls. */
export function LinkDownload({ state, actions }: Props) {
  const { t } = useTranslation()
  const links = Object.values(state.downloads).filter((download) => isLink(download.modelId))
  const following = links.length > 0
  const [open, setOpen] = useState(following || state.errors.link !== undefined)
  // A link download seen after the panel opened (one started before) opens the section once.
  const [wasFollowing, setWasFollowing] = useState(following)
  if (following !== wasFollowing) {
    setWasFollowing(following)
    if (following) setOpen(true)
  }
  const [link, setLink] = useState('')
  const wanted = link.trim()
  const notALink = wanted !== '' && !isLink(wanted)
  const running = links.some((download) => download.modelId === wanted)

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (!isLink(wanted) || running) return
    actions.download(wanted)
    setLink('')
  }
  /** A paused link's partial file, as the list names it, so Cancel can delete it. */
  const partialEntryId = (modelId: string): string | null =>
    state.entries?.find(
      (entry) =>
        entry.source === 'downloaded' &&
        entry.status === 'partial' &&
        isLinkFile(modelId, entry.title),
    )?.id ?? null

  return (
    <details
      className="panel-section models-link"
      data-testid="models-link"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>{t('models.link.heading')}</summary>
      <p className="field-hint">{t('models.link.hint')}</p>
      <form className="models-path-form" onSubmit={submit}>
        <input
          className="models-path-input"
          data-testid="download-uri"
          aria-label={t('models.link.label')}
          placeholder="hf:user/repo/model-Q4_K_M.gguf"
          spellCheck={false}
          autoComplete="off"
          value={link}
          aria-invalid={notALink}
          onChange={(event) => setLink(event.target.value)}
        />
        <button
          type="submit"
          className="button"
          data-testid="download-uri-go"
          disabled={wanted === '' || notALink || running}
        >
          {t('models.actions.download')}
        </button>
      </form>
      {notALink && <p className="field-error">{t('models.link.notALink')}</p>}
      {links.map((download) => (
        <div className="models-link-item" key={download.modelId}>
          <p className="models-row-title" title={download.modelId}>
            {linkFileName(download.modelId) ?? download.modelId}
          </p>
          <DownloadProgress
            download={download}
            onPause={() => actions.pause(download)}
            onResume={() => actions.download(download.modelId)}
            onCancel={() => actions.cancel(download, partialEntryId(download.modelId))}
          />
        </div>
      ))}
      {state.errors.link !== undefined && (
        <p className="models-error" role="alert" data-testid="model-error">
          {state.errors.link.message
            ? hostErrorText(t, state.errors.link)
            : t('models.link.failed')}
        </p>
      )}
      {state.arrived?.place === 'link' && (
        <p className="models-done" role="status" data-testid="link-installed">
          {t('models.link.installed', { name: baseName(state.arrived.path) })}
        </p>
      )}
    </details>
  )
}
