import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { DocumentConnection } from '../editor/plugins/DocumentSync'
import { createDocumentSession, type DocumentSession } from './documentSession'
import { browserClock, type DocumentApi, type EditorPort, type SessionView } from './sessionTypes'

/** The last document this browser origin had open: a cache only, the host keeps the files. */
const LAST_PATH_KEY = 'quire.lastDocument'

const initialView: SessionView = {
  path: null,
  title: '',
  saveState: 'saved',
  recovered: null,
  conflict: null,
  removed: false,
  error: null,
  loading: true,
}

export type DocumentSessionHandle = {
  view: SessionView
  connection: DocumentConnection
  /** The session, once the editor is connected. */
  session: DocumentSession | null
}

/** Which document to show at start: the last one here, else the newest, else a blank page. */
async function startingPath(api: DocumentApi): Promise<string | null> {
  const last = window.localStorage.getItem(LAST_PATH_KEY)
  const { documents } = await api.listDocuments()
  if (last && documents.some((summary) => summary.path === last)) return last
  return documents[0]?.path ?? null
}

/**
 * The window's document session as React state. The editor connects through `connection`;
 * the session then opens the starting document, and the page's hide and Mod+S reach it.
 */
export function useDocumentSession(api: DocumentApi): DocumentSessionHandle {
  const [view, setView] = useState<SessionView>(initialView)
  const [session, setSession] = useState<DocumentSession | null>(null)
  const current = useRef<DocumentSession | null>(null)

  const connect = useCallback(
    (port: EditorPort) => {
      const created = createDocumentSession({
        api,
        editor: port,
        clock: browserClock,
        onView: setView,
      })
      current.current = created
      setSession(created)
      void startingPath(api).then(
        (path) => (path ? created.openPath(path) : created.openBlank()),
        () => created.openBlank(),
      )
      return () => {
        void created.flush()
        created.dispose()
        if (current.current === created) current.current = null
      }
    },
    [api],
  )
  const connection = useMemo<DocumentConnection>(
    () => ({ connect, changed: () => current.current?.changed() }),
    [connect],
  )

  useEffect(() => {
    if (view.path) window.localStorage.setItem(LAST_PATH_KEY, view.path)
  }, [view.path])

  useEffect(() => {
    const flush = (): void => void current.current?.flush()
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') flush()
    }
    const onKey = (event: KeyboardEvent): void => {
      if (!(event.metaKey || event.ctrlKey) || event.altKey || event.key.toLowerCase() !== 's')
        return
      event.preventDefault()
      void current.current?.save()
    }
    window.addEventListener('pagehide', flush)
    window.addEventListener('beforeunload', flush)
    document.addEventListener('visibilitychange', onVisibility)
    window.addEventListener('keydown', onKey)
    return () => {
      window.removeEventListener('pagehide', flush)
      window.removeEventListener('beforeunload', flush)
      document.removeEventListener('visibilitychange', onVisibility)
      window.removeEventListener('keydown', onKey)
    }
  }, [])

  return { view, connection, session }
}
