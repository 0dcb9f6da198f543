import { useCallback, useEffect, useState } from 'react'
import type { QuireApi } from '@shared/contract'
import type { DocumentSummary } from '@shared/documents'

export type DocumentListView = {
  folder: string
  documents: DocumentSummary[]
  error: string | null
}

/** The documents folder's files, newest first, fetched again whenever a document changes. */
export function useDocumentList(api: QuireApi): DocumentListView & { refresh(): void } {
  const [view, setView] = useState<DocumentListView>({ folder: '', documents: [], error: null })
  const refresh = useCallback(() => {
    api.listDocuments().then(
      (listing) => setView({ ...listing, error: null }),
      (error: unknown) =>
        setView((v) => ({ ...v, error: error instanceof Error ? error.message : String(error) })),
    )
  }, [api])
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
