import { asHostMessage } from '../i18n/hostText'
import { useCallback, useEffect, useMemo, useReducer } from 'react'
import type { ModelListEntry, QuireApi } from '@shared/contract'
import {
  initialModelsState,
  modelsReducer,
  placeOf,
  type DownloadView,
  type ModelsState,
  type Place,
} from './modelsState'

export type ModelsActions = {
  /** Starts or resumes a download: a catalog id, or an `hf:` / http(s) link. */
  download(modelId: string): void
  pause(download: DownloadView): void
  /** Stops a download and deletes what arrived; for a paused one, `entryId` names its partial file. */
  cancel(download: DownloadView, entryId: string | null): void
  /** Checks a GGUF file and lists it; resolves true when it was added. */
  add(path: string): Promise<boolean>
  remove(entry: ModelListEntry): void
  use(entry: ModelListEntry): void
}

const messageOf = asHostMessage

/** The models list and the downloads in flight, kept current by the host's download events. */
export function useModels(api: QuireApi): { state: ModelsState; actions: ModelsActions } {
  const [state, dispatch] = useReducer(modelsReducer, initialModelsState)

  const refresh = useCallback(() => {
    api.listModels().then(
      (entries) => dispatch({ type: 'listed', entries }),
      (error: unknown) => dispatch({ type: 'failed', place: 'list', message: messageOf(error) }),
    )
  }, [api])

  useEffect(() => {
    refresh()
    return api.onEvent((event) => {
      if (event.type !== 'download' && event.type !== 'download-end') return
      dispatch({ type: 'event', event })
      if (event.type === 'download-end') refresh()
    })
  }, [api, refresh])

  const actions = useMemo<ModelsActions>(() => {
    /** Runs a call with its place marked busy; a failure shows there. */
    const guarded = async <T>(place: Place, call: () => Promise<T>): Promise<T | null> => {
      dispatch({ type: 'busy', place, busy: true })
      try {
        return await call()
      } catch (error) {
        dispatch({ type: 'failed', place, message: messageOf(error) })
        return null
      } finally {
        dispatch({ type: 'busy', place, busy: false })
      }
    }
    return {
      download: (modelId) => {
        dispatch({ type: 'requested', modelId })
        api.pullModel({ id: modelId }).then(
          ({ downloadId }) => dispatch({ type: 'started', modelId, downloadId }),
          (error: unknown) => {
            dispatch({ type: 'forgotten', modelId })
            dispatch({ type: 'failed', place: placeOf(modelId), message: messageOf(error) })
          },
        )
      },
      pause: ({ modelId, downloadId }) => {
        if (!downloadId) return
        dispatch({ type: 'stopping', modelId, kind: 'pause' })
        void api.pauseDownload({ downloadId }).catch(() => refresh())
      },
      cancel: ({ modelId, downloadId }, entryId) => {
        if (downloadId) {
          dispatch({ type: 'stopping', modelId, kind: 'cancel' })
          void api.cancelDownload({ downloadId }).catch(() => refresh())
          return
        }
        // Paused: nothing is running, so the partial file is removed like a model.
        void guarded(placeOf(modelId), async () => {
          if (entryId) dispatch({ type: 'listed', entries: await api.removeModel({ id: entryId }) })
          dispatch({ type: 'forgotten', modelId })
        })
      },
      add: async (path) => {
        const entries = await guarded('add', () => api.addModel({ path }))
        if (entries) dispatch({ type: 'added', entries, path })
        return entries !== null
      },
      remove: (entry) => {
        void guarded(entry.id, async () => {
          dispatch({ type: 'listed', entries: await api.removeModel({ id: entry.id }) })
        })
      },
      use: (entry) => {
        if (entry.path) void guarded(entry.id, () => api.loadModel({ path: entry.path ?? '' }))
      },
    }
  }, [api, refresh])

  return { state, actions }
}
