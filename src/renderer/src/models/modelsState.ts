import type { DownloadProgress, ModelListEntry, QuireEvent } from '@shared/contract'
import type { HostMessage } from '../i18n/hostText'

/** Where a download stands, as the panel shows it. */
export type DownloadPhase =
  DownloadProgress['phase'] | 'starting' | 'pausing' | 'cancelling' | 'paused'

/** One download, keyed by its model id (a catalog id, or the link it came from). */
export type DownloadView = {
  modelId: string
  /** Null until the host answers, and once the download is paused. */
  downloadId: string | null
  phase: DownloadPhase
  downloadedBytes: number
  totalBytes: number | null
  bytesPerSecond: number
  etaSeconds: number | null
}

/** Where an error or a busy action shows: "add", "link", or a model id (its row). */
export type Place = string

export type ModelsState = {
  entries: ModelListEntry[] | null
  downloads: Readonly<Record<string, DownloadView>>
  /** What went wrong where, as the host said it; worded in the interface language when shown. */
  errors: Readonly<Record<Place, HostMessage>>
  /** Places waiting for the host: a file being checked, a model being removed. */
  busy: Readonly<Record<Place, true>>
  /** The file just added or downloaded, and where that happened, to say so there. */
  arrived: { place: Place; path: string } | null
}

type DownloadEvent = Extract<QuireEvent, { type: 'download' | 'download-end' }>

export type ModelsAction =
  | { type: 'listed'; entries: ModelListEntry[] }
  | { type: 'failed'; place: Place; message: HostMessage }
  | { type: 'busy'; place: Place; busy: boolean }
  | { type: 'requested'; modelId: string }
  | { type: 'started'; modelId: string; downloadId: string }
  | { type: 'stopping'; modelId: string; kind: 'pause' | 'cancel' }
  | { type: 'forgotten'; modelId: string }
  | { type: 'added'; entries: ModelListEntry[]; path: string }
  | { type: 'event'; event: DownloadEvent }

export const initialModelsState: ModelsState = {
  entries: null,
  downloads: {},
  errors: {},
  busy: {},
  arrived: null,
}

/** Links go to the core in the same field as catalog ids; it tells them apart the same way. */
export const isLink = (modelId: string): boolean => /^(hf:|https?:\/\/)/i.test(modelId)

/** Where a model's messages show: its row, or the link section. */
export const placeOf = (modelId: string): Place => (isLink(modelId) ? 'link' : modelId)

const without = <T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> => {
  const { [key]: _dropped, ...rest } = record
  return rest
}

function onDownloadEvent(state: ModelsState, event: DownloadEvent): ModelsState {
  const { modelId } = event
  const current = state.downloads[modelId]
  if (event.type === 'download') {
    const stopping = current?.phase === 'pausing' || current?.phase === 'cancelling'
    const view: DownloadView = {
      modelId,
      downloadId: event.downloadId,
      phase: stopping ? current.phase : event.progress.phase,
      downloadedBytes: event.progress.downloadedBytes,
      totalBytes: event.progress.totalBytes,
      bytesPerSecond: event.progress.bytesPerSecond,
      etaSeconds: event.progress.etaSeconds,
    }
    return {
      ...state,
      downloads: { ...state.downloads, [modelId]: view },
      errors: without(state.errors, placeOf(modelId)),
    }
  }
  const downloads = without(state.downloads, modelId)
  switch (event.outcome) {
    case 'installed':
      return {
        ...state,
        downloads,
        arrived: event.path ? { place: placeOf(modelId), path: event.path } : state.arrived,
      }
    case 'paused':
      return current
        ? {
            ...state,
            downloads: {
              ...downloads,
              [modelId]: { ...current, phase: 'paused', downloadId: null, bytesPerSecond: 0 },
            },
          }
        : state
    case 'cancelled':
      return { ...state, downloads }
    case 'failed':
      return {
        ...state,
        downloads,
        errors: {
          ...state.errors,
          [placeOf(modelId)]: {
            code: 'download-failed',
            message: event.message ?? '',
            key: event.key,
            params: event.params,
          },
        },
      }
    default:
      void (event.outcome satisfies never)
      return state
  }
}

/** The Models panel's one state object: the list, the downloads, errors and busy places. */
export function modelsReducer(state: ModelsState, action: ModelsAction): ModelsState {
  switch (action.type) {
    case 'listed':
      return { ...state, entries: action.entries, errors: without(state.errors, 'list') }
    case 'failed':
      return { ...state, errors: { ...state.errors, [action.place]: action.message } }
    case 'busy':
      return {
        ...state,
        busy: action.busy
          ? { ...state.busy, [action.place]: true }
          : without(state.busy, action.place),
        errors: action.busy ? without(state.errors, action.place) : state.errors,
        arrived: action.busy ? null : state.arrived,
      }
    case 'requested': {
      const previous = state.downloads[action.modelId]
      const view: DownloadView = {
        modelId: action.modelId,
        downloadId: null,
        phase: 'starting',
        downloadedBytes: previous?.downloadedBytes ?? 0,
        totalBytes: previous?.totalBytes ?? null,
        bytesPerSecond: 0,
        etaSeconds: null,
      }
      return {
        ...state,
        downloads: { ...state.downloads, [action.modelId]: view },
        errors: without(state.errors, placeOf(action.modelId)),
        arrived: null,
      }
    }
    case 'started': {
      // The download may already have ended (a bad link fails at once): then there is nothing to update.
      const current = state.downloads[action.modelId]
      if (!current || current.downloadId !== null || current.phase === 'paused') return state
      return {
        ...state,
        downloads: {
          ...state.downloads,
          [action.modelId]: { ...current, downloadId: action.downloadId },
        },
      }
    }
    case 'stopping': {
      const current = state.downloads[action.modelId]
      if (!current) return state
      const phase = action.kind === 'pause' ? 'pausing' : 'cancelling'
      return {
        ...state,
        downloads: { ...state.downloads, [action.modelId]: { ...current, phase } },
      }
    }
    case 'forgotten':
      return { ...state, downloads: without(state.downloads, action.modelId) }
    case 'added': {
      // The host stores the file's absolute path; the new entry is the one that was not listed before.
      const before = new Set(state.entries?.map((entry) => entry.id))
      const added = action.entries.find((entry) => !before.has(entry.id) && entry.path)
      const path = added?.path ?? action.path
      return { ...state, entries: action.entries, arrived: { place: 'add', path } }
    }
    case 'event':
      return onDownloadEvent(state, action.event)
    default:
      void (action satisfies never)
      return state
  }
}
