import { useEffect, useState } from 'react'
import type { QuireApi } from '@shared/contract'
import type { LibraryListing } from '@shared/prompts/libraryContract'
import type { BackendChoices } from './challengers'

type Named = { id: string; title: string }

/** The presets and personas (in each language) Compare can try; kept current with the library. */
export function useLibraryChoices(api: QuireApi): {
  presets: Named[]
  personas: (Named & { language: 'zh' | 'en' })[]
} {
  const [listing, setListing] = useState<Pick<LibraryListing, 'presets' | 'personas'> | null>(null)
  useEffect(() => {
    let live = true
    const load = (): void => {
      api.listLibrary().then(
        (next) => live && setListing(next),
        () => {},
      )
    }
    load()
    const unsubscribe = api.onEvent((event) => {
      if (event.type === 'library-changed') load()
    })
    return () => {
      live = false
      unsubscribe()
    }
  }, [api])
  return { presets: listing?.presets ?? [], personas: listing?.personas ?? [] }
}

/** The host's view a Compare needs of its models: what is installed, in use, and the server. */
export type ModelChoicesView = {
  installed: { id: string; title: string; name: string | null; path: string }[]
  /** The file of the model in use (null when the server is in use or nothing is loaded). */
  inUsePath: string | null
  /** Whether the server set in Settings is the backend in use. */
  remoteInUse: boolean
  /** The server's address in Settings, empty when none. */
  remoteAddress: string
}

/** What a Compare may run on besides the model in use: other installed models, the server. */
export function backendChoices(view: ModelChoicesView): BackendChoices {
  return {
    models: view.installed
      .filter((model) => view.remoteInUse || model.path !== view.inUsePath)
      .map((model) => ({ id: model.id, title: model.name ?? model.title })),
    remote: view.remoteInUse || !view.remoteAddress ? null : view.remoteAddress,
  }
}

/**
 * The installed models, the model in use and the server, kept current with the host's events
 * and read again each time a comparison opens (`active`), after a change in Settings say.
 */
export function useModelChoices(api: QuireApi, active: boolean): ModelChoicesView | null {
  const [view, setView] = useState<ModelChoicesView | null>(null)
  useEffect(() => {
    let live = true
    const load = (): void => {
      Promise.all([api.listModels(), api.getStatus(), api.getSettings()]).then(
        ([models, status, settings]) => {
          if (!live) return
          const remoteInUse = settings.engine.backend === 'remote'
          setView({
            installed: models.flatMap((m) =>
              m.status === 'installed' && m.path
                ? [{ id: m.id, title: m.title, name: m.name ?? null, path: m.path }]
                : [],
            ),
            inUsePath: remoteInUse ? null : (status.model?.path ?? null),
            remoteInUse,
            remoteAddress: settings.remote.baseUrl,
          })
        },
        () => {},
      )
    }
    load()
    // A model loaded, downloaded or removed, or the engine switched in Settings.
    const unsubscribe = api.onEvent((event) => {
      if (
        event.type === 'download-end' ||
        (event.type === 'status' && event.status.state === 'ready')
      )
        load()
    })
    return () => {
      live = false
      unsubscribe()
    }
  }, [api, active])
  return view
}
