import { useTranslation } from 'react-i18next'
import type { ModelListEntry } from '@shared/contract'
import { formatBytes } from './format'

type Props = { entry: ModelListEntry; busy: boolean; onConfirm(): void; onKeep(): void }

/** Asks before removing, and says what happens to the file: a download is deleted, an added file is kept. */
export function RemoveConfirm({ entry, busy, onConfirm, onKeep }: Props) {
  const { t, i18n } = useTranslation()
  const size = formatBytes(entry.partialBytes ?? entry.sizeBytes ?? 0, i18n.language)
  const question =
    entry.source === 'imported'
      ? t('models.remove.imported', { title: entry.title })
      : entry.status === 'partial'
        ? t('models.remove.partial', { title: entry.title, size })
        : t('models.remove.downloaded', { title: entry.title, size })

  return (
    <div className="models-confirm" role="alertdialog" aria-label={t('models.actions.remove')}>
      <p>{question}</p>
      {entry.source === 'imported' && entry.path && (
        <p className="models-path" title={entry.path}>
          {entry.path}
        </p>
      )}
      <div className="row">
        <button
          type="button"
          className="button models-danger"
          data-testid="remove-confirm"
          disabled={busy}
          onClick={onConfirm}
        >
          {entry.source === 'imported' ? t('models.remove.forget') : t('models.remove.delete')}
        </button>
        <button type="button" className="button subtle" data-testid="remove-keep" onClick={onKeep}>
          {t('models.remove.keep')}
        </button>
      </div>
    </div>
  )
}
