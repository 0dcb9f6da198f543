import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { QuireApi } from '@shared/contract'
import type { DocumentSummary } from '@shared/documents'
import { errorText } from './errorText'

export type DocumentListView = {
  folder: string
  documents: DocumentSummary[]
  error: string | null
}

/** The documents folder's files, newest first, fetched again whenever a document changes. */
export function useDocumentList(api: QuireApi): DocumentListView & { refresh(): void } {
  const { t } = useTranslation()
  const [view, setView] = useState<DocumentListView>({ folder: '', documents: [], error: null })
  const refresh = useCallback(() => {
    api.listDocuments().then(
      (listing) => setView({ ...listing, error: null }),
      (error: unknown) => setView((v) => ({ ...v, error: errorText(t, error) })),
    )
  }, [api, t])
  useEffect(() => {
    refresh()
    // A save changes words and times; a create, rename or delete changes the list itself.
    let timer: number | undefined
    const unsubscribe = api.onEvent((event) => {
      if (!event.type.startsWith('document')) return
      window.clearTimeout(timer)
      timer = window.setTimeout(refresh, 150)
    })
    return () => {
      window.clearTimeout(timer)
      unsubscribe()
    }
  }, [api, refresh])
  return { ...view, refresh }
}
