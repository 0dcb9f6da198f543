import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { QuireApi } from '@shared/contract'
import { checkDocumentName, documentNameError, type DocumentSummary } from '@shared/documents'
import { DocumentItem, displayName } from './DocumentItem'
import type { DocumentSession } from './documentSession'
import { useDocumentList } from './useDocumentList'
import { errorText } from './errorText'

const UNDO_MS = 10_000

type Props = { api: QuireApi; session: DocumentSession | null; currentPath: string | null }

/** The documents folder beside the editor: filter, new, open, rename, delete with undo. */
export function DocumentList({ api, session, currentPath }: Props) {
  const { t } = useTranslation()
  const list = useDocumentList(api)
  const [filter, setFilter] = useState('')
  const [deleted, setDeleted] = useState<{ trashId: string; name: string } | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  useEffect(() => {
    if (!deleted) return
    const timer = window.setTimeout(() => setDeleted(null), UNDO_MS)
    return () => window.clearTimeout(timer)
  }, [deleted])

  const shown = useMemo(() => {
    const wanted = filter.trim().toLowerCase()
    if (!wanted) return list.documents
    return list.documents.filter(
      (doc) =>
        displayName(doc).toLowerCase().includes(wanted) || doc.path.toLowerCase().includes(wanted),
    )
  }, [list.documents, filter])

  const rename = async (doc: DocumentSummary, name: string): Promise<string | null> => {
    // Checked here too, so an empty or overlong name gets its reason, not the contract's limits.
    const checked = checkDocumentName(name)
    if (!checked.ok) return errorText(t, documentNameError(checked))
    try {
      await api.renameDocument({ path: doc.path, name })
      return null
    } catch (error) {
      return errorText(t, error)
    }
  }

  const remove = async (doc: DocumentSummary): Promise<void> => {
    setNotice(null)
    try {
      // Step off the document first: leaving it saves its last edits, which must not
      // recreate the file after it is gone.
      if (doc.path === currentPath && session) {
        const next = list.documents.find((other) => other.path !== doc.path)
        await (next ? session.openPath(next.path) : session.openBlank())
      }
      const { trashId } = await api.deleteDocument({ path: doc.path })
      setDeleted({ trashId, name: displayName(doc) })
    } catch (error) {
      setNotice(errorText(t, error))
    }
  }

  const undo = async (): Promise<void> => {
    if (!deleted) return
    setDeleted(null)
    try {
      const restored = await api.restoreDocument({ trashId: deleted.trashId })
      await session?.openPath(restored.path)
    } catch (error) {
      setNotice(errorText(t, error))
    }
  }

  const create = async (): Promise<void> => {
    setNotice(null)
    await session?.openNew().catch((error: unknown) => setNotice(errorText(t, error)))
  }

  return (
    <aside className="doc-list" data-testid="doc-list" aria-label={t('documents.title')}>
      <div className="doc-list-head">
        <input
          type="search"
          className="doc-filter"
          data-testid="doc-filter"
          placeholder={t('documents.filter')}
          aria-label={t('documents.filter')}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        <button
          type="button"
          className="button"
          data-testid="doc-new"
          onClick={() => void create()}
          disabled={!session}
        >
          {t('documents.new')}
        </button>
      </div>
      {(notice ?? list.error) && (
        <p className="doc-list-error" role="alert">
          {notice ?? list.error}
        </p>
      )}
      <ul className="doc-items">
        {shown.map((doc) => (
          <DocumentItem
            key={doc.path}
            summary={doc}
            current={doc.path === currentPath}
            onOpen={() => void session?.openPath(doc.path)}
            onRename={(name) => rename(doc, name)}
            onDelete={() => void remove(doc)}
          />
        ))}
      </ul>
      {shown.length === 0 && (
        <p className="doc-list-empty">{filter ? t('documents.noMatch') : t('documents.empty')}</p>
      )}
      {deleted && (
        <div className="doc-undo" role="status" data-testid="doc-undo">
          <span>{t('documents.deleted', { name: deleted.name })}</span>
          <button type="button" className="button subtle" onClick={() => void undo()}>
            {t('documents.undo')}
          </button>
        </div>
      )}
      <p className="doc-folder" title={list.folder}>
        {list.folder}
      </p>
    </aside>
  )
}
