import { useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { DocumentSummary } from '@shared/documents'
import { relativeTime } from './relativeTime'

const fileName = (path: string): string => path.split('/').pop() ?? path

/** The name the writer sees for a document: its title, else its file name. */
export const displayName = (summary: Pick<DocumentSummary, 'title' | 'path'>): string =>
  summary.title || fileName(summary.path).replace(/\.(md|txt)$/i, '')

type Props = {
  summary: DocumentSummary
  current: boolean
  onOpen(): void
  onRename(name: string): Promise<string | null>
  onDelete(): void
}

/** One document in the list: open it, rename it in place, or delete it (with undo). */
export function DocumentItem({ summary, current, onOpen, onRename, onDelete }: Props) {
  const { t, i18n } = useTranslation()
  const [renaming, setRenaming] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  const confirm = async (): Promise<void> => {
    if (renaming === null) return
    const failure = await onRename(renaming)
    setError(failure)
    if (!failure) setRenaming(null)
  }
  const onKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') void confirm()
    if (event.key === 'Escape') {
      setRenaming(null)
      setError(null)
    }
  }

  return (
    <li
      className="doc-item"
      data-testid="doc-item"
      data-path={summary.path}
      data-current={current || undefined}
    >
      {renaming === null ? (
        <button
          type="button"
          className="doc-item-open"
          aria-current={current ? 'true' : undefined}
          onClick={onOpen}
          title={summary.path}
        >
          <span className="doc-item-title">{displayName(summary)}</span>
          <span className="doc-item-meta">
            {relativeTime(summary.modifiedMs, i18n.language, t('documents.justNow'))} ·{' '}
            {t('documents.words', { count: summary.words })}
            {summary.hasBackup && (
              <span className="doc-item-backup"> · {t('documents.hasBackup')}</span>
            )}
          </span>
        </button>
      ) : (
        <div className="doc-item-rename">
          <input
            className="doc-rename-input"
            data-testid="doc-rename-input"
            aria-label={t('documents.renameLabel')}
            value={renaming}
            autoFocus
            onChange={(event) => setRenaming(event.target.value)}
            onKeyDown={onKey}
            onBlur={() => void confirm()}
          />
          {error && (
            <span className="doc-item-error" role="alert">
              {error}
            </span>
          )}
        </div>
      )}
      {renaming === null && (
        <span className="doc-item-actions">
          <button
            type="button"
            className="icon-button"
            data-testid="doc-rename"
            title={t('documents.rename')}
            aria-label={t('documents.rename')}
            onClick={() => setRenaming(fileName(summary.path).replace(/\.md$/i, ''))}
          >
            ✎
          </button>
          <button
            type="button"
            className="icon-button"
            data-testid="doc-delete"
            title={t('documents.delete')}
            aria-label={t('documents.delete')}
            onClick={onDelete}
          >
            ×
          </button>
        </span>
      )}
    </li>
  )
}
