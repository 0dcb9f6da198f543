import { randomUUID } from 'node:crypto'
import {
  QuireError,
  refOf,
  type ContractHandlers,
  type EngineStatus,
  type QuireEvent,
} from '@shared/contract'
import { probeHardware } from '../engine/doctor/probeHardware'
import { sharedProbe } from '../engine/doctor/sharedProbe'
import type { ModelStore } from '../models/modelStore'
import type { PullTask } from '../models/pullModel'

type ModelHandlers = Pick<
  ContractHandlers,
  | 'listModels'
  | 'pullModel'
  | 'pauseDownload'
  | 'cancelDownload'
  | 'addModel'
  | 'removeModel'
  | 'getHardware'
>

type Deps = {
  store: ModelStore
  emit: (event: QuireEvent) => void
  /** Loads a freshly installed model when none is loaded yet. */
  loadIfIdle: (path: string) => Promise<EngineStatus | null>
  /** The Hugging Face mirror from Settings; undefined for the default (HF_ENDPOINT or huggingface.co). */
  endpoint: () => string | undefined
  /** The file of the model in use, which must not be removed. */
  loadedPath: () => string | null
}

/** The models feature as the contract serves it: list, download with progress, import, remove. */
export function createModelHandlers({
  store,
  emit,
  loadIfIdle,
  endpoint: configuredEndpoint,
  loadedPath,
}: Deps): ModelHandlers & { dispose(): void } {
  const downloads = new Map<string, PullTask>()
  const hardware = sharedProbe(probeHardware)

  return {
    listModels: () => store.list(),
    pullModel: async ({ id, endpoint }) => {
      const downloadId = randomUUID()
      const modelId = id ?? store.catalog.models.find((model) => model.default)?.id ?? 'default'
      const task = store.pull(id, {
        endpoint: endpoint ?? configuredEndpoint(),
        onProgress: (progress) => emit({ type: 'download', downloadId, modelId, progress }),
      })
      downloads.set(downloadId, task)
      task.result.then(
        async (outcome) => {
          downloads.delete(downloadId)
          const path = outcome.status === 'installed' ? outcome.model.path : null
          emit({
            type: 'download-end',
            downloadId,
            modelId,
            outcome: outcome.status,
            path,
            message: null,
          })
          if (path) await loadIfIdle(path).catch(() => null)
        },
        (error: unknown) => {
          downloads.delete(downloadId)
          const message = error instanceof Error ? error.message : String(error)
          emit({
            type: 'download-end',
            downloadId,
            modelId,
            outcome: 'failed',
            path: null,
            message,
            ...(error instanceof QuireError ? refOf(error) : {}),
          })
        },
      )
      return { downloadId }
    },
    pauseDownload: async ({ downloadId }) => {
      const task = downloads.get(downloadId)
      task?.pause()
      return { ok: task !== undefined }
    },
    cancelDownload: async ({ downloadId }) => {
      const task = downloads.get(downloadId)
      task?.cancel()
      return { ok: task !== undefined }
    },
    addModel: async ({ path }) => {
      await store.add(path)
      return store.list()
    },
    removeModel: async ({ id }) => {
      const entry = (await store.list()).find((model) => model.id === id)
      if (entry?.path && entry.path === loadedPath()) {
        throw new QuireError(
          'invalid-request',
          `${entry.title} is in use. Load another model first, then remove this one.`,
          'model-in-use',
          { name: entry.title },
        )
      }
      await store.remove(id)
      return store.list()
    },
    getHardware: hardware,
    dispose: () => {
      for (const task of downloads.values()) task.pause()
    },
  }
}
