import i18next from 'i18next'
import { hostErrorText } from '../i18n/hostText'
import { useEffect, useState } from 'react'
import type { EngineStatus, PromptSummary, QuireApi } from '@shared/contract'

export type EngineView = {
  status: EngineStatus | null
  prompts: PromptSummary[]
  connectionError: string | null
}

/** The engine's status (kept current by status events) and the prompt list. */
export function useEngine(api: QuireApi): EngineView {
  const [view, setView] = useState<EngineView>({ status: null, prompts: [], connectionError: null })
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
  }, [api])
  return view
}
