import i18next from 'i18next'
import { hostErrorText } from '../i18n/hostText'
import { useEffect, useState, useSyncExternalStore } from 'react'
import type { EngineStatus, PromptSummary, QuireApi } from '@shared/contract'
import type { ConnectionState, ConnectionWatch } from '../api'

export type EngineView = {
  status: EngineStatus | null
  prompts: PromptSummary[]
  /** Why the host cannot be reached, in the writer's language; null while it can. */
  connectionError: string | null
  /** The browser tab's connection to `quire serve` ('connected' in the desktop app). */
  connection: ConnectionState
}

const ALWAYS: ConnectionWatch = { current: () => 'connected', subscribe: () => () => {} }

/** What the status bar says while the connection is not there: lost, or shut out by a restarted server. */
export function connectionText(state: ConnectionState): string | null {
  if (state === 'lost') return i18next.t('host.messages.connection-lost')
  if (state === 'old-token') return i18next.t('engine.oldToken')
  return null
}

/** The engine's status (kept current by status events), the prompt list, and whether the host is reachable. */
export function useEngine(api: QuireApi, watch: ConnectionWatch | null = null): EngineView {
  const source = watch ?? ALWAYS
  const connection = useSyncExternalStore(source.subscribe, source.current)
  const [view, setView] = useState<Omit<EngineView, 'connection'>>({
    status: null,
    prompts: [],
    connectionError: null,
  })
  // Asked again each time the connection comes back: status events sent while away were missed.
  const [asked, setAsked] = useState(0)
  useEffect(
    () =>
      source.subscribe((state) => {
        if (state === 'connected') setAsked((n) => n + 1)
      }),
    [source],
  )
  useEffect(() => {
    let live = true
    const refreshPrompts = (): void => {
      api.listPrompts().then(
        (prompts) => live && setView((v) => ({ ...v, prompts })),
        () => {},
      )
    }
    const unsubscribe = api.onEvent((event) => {
      if (event.type === 'status')
        setView((v) => ({ ...v, status: event.status, connectionError: null }))
      // A prompt saved in the Library panel or in the folder shows up in the menus at once.
      if (event.type === 'library-changed') refreshPrompts()
    })
    Promise.all([api.getStatus(), api.listPrompts()]).then(
      ([status, prompts]) => live && setView({ status, prompts, connectionError: null }),
      (error: unknown) =>
        live &&
        setView((v) => ({
          ...v,
          connectionError: hostErrorText(i18next.t, error),
        })),
    )
    return () => {
      live = false
      unsubscribe()
    }
  }, [api, asked])
  const lost = connectionText(connection)
  return { ...view, connectionError: lost ?? view.connectionError, connection }
}
