import { randomUUID } from 'node:crypto'
import { isAbsolute, join, resolve } from 'node:path'
import type {
  ClientConnection,
  ContractHandlers,
  EngineStatus,
  EventListener,
  QuireService,
} from '@shared/contract'
import { defaultReplacements } from '@shared/postprocess'
import type { EngineSettings, InferenceBackend } from '../engine/backend'
import type { EngineLauncher } from '../engine/protocol'
import { GenerationService, type GenerationClient } from '../generation/generationService'
import { ModelReadiness } from '../generation/modelReadiness'
import { prepareRequest } from '../generation/prepareRequest'
import { LibraryStore } from '../library/libraryStore'
import { listLoraAdapters } from '../library/loraFiles'
import { RemoteBackend } from '../engine/remote/remoteBackend'
import { loadCatalog } from '../models/catalog'
import { normalizeEndpoint } from '../models/hfSource'
import { ModelStore } from '../models/modelStore'
import { validateModel } from '../models/validateModel'
import { RemoteKeyring } from '../secrets/remoteKeyring'
import type { SecretStore } from '../secrets/secretStore'
import { SettingsStore } from '../settings/settingsStore'
import { BackendSwitch } from './backendSwitch'
import { EventHub } from './eventHub'
import { openDocuments, type Documents } from '../documents/documents'
import { createDocumentHandlers } from './documentHandlers'
import { createLibraryHandlers } from './libraryHandlers'
import { createModelHandlers } from './modelHandlers'
import { createVoteHandlers } from '../votes/voteHandlers'
import { VoteStore } from '../votes/voteStore'

export type QuireServiceOptions = {
  resourcesDir: string
  /** The per-user folder: settings.json, prompts/, personas/, lora/, models/. */
  dataDir: string
  launchEngine: EngineLauncher
  /** Where the remote server's API key is kept (the OS keychain in the app). */
  secrets: SecretStore
  /** Where QUIRE_REMOTE_API_KEY and QUIRE_REMOTE_BASE_URL are read (default: process.env). */
  environment?: NodeJS.ProcessEnv
  /** Values from the command line that win over the saved settings for this run. */
  engineOverrides?: Partial<EngineSettings>
  /** Whether a loaded model becomes the one opened next time (not for one-off CLI runs). */
  rememberModel?: boolean
  /** `--docs DIR` or QUIRE_DOCS_DIR: the documents folder for this run, whatever Settings say. */
  documentsFolder?: string | undefined
  /** The default documents folder (Electron: app.getPath('documents')/Quire). */
  defaultDocumentsFolder?: string | undefined
  /** How a deleted document leaves its folder (Electron: the OS trash). */
  removeDocumentFile?: (file: string) => Promise<void>
}

export type RunningQuireService = QuireService & {
  library: LibraryStore
  models: ModelStore
  settings: SettingsStore
  documents: Documents
  /** The backend in use now (it changes when the settings switch between local and remote). */
  backend(): InferenceBackend
  /** Every request's life; the OpenAI-compatible endpoint of `quire serve` runs through it too. */
  generation: GenerationService
  /** Whether a model is ready, loading or missing. */
  readiness: ModelReadiness
  /** Loads a model for the host (a `--model` at start, the last one used). */
  loadModel(path: string): Promise<EngineStatus>
  dispose(): Promise<void>
}

/** Builds the one service every transport (IPC, WebSocket, CLI) serves. */
export async function createQuireService(
  options: QuireServiceOptions,
): Promise<RunningQuireService> {
  // Events for every client: status, library, downloads.
  const broadcast = new EventHub()
  const settings = new SettingsStore(options.dataDir)
  const loadedSettings = await settings.load()
  const library = await LibraryStore.open({
    resourcesDir: options.resourcesDir,
    dataDir: options.dataDir,
  })
  library.onChanged(() => broadcast.emit({ type: 'library-changed' }))
  const documents = openDocuments({
    dataDir: options.dataDir,
    setting: loadedSettings.settings.documentsFolder,
    override: options.documentsFolder,
    defaultFolder: options.defaultDocumentsFolder,
    emit: (event) => broadcast.emit(event),
    removeFile: options.removeDocumentFile,
  })

  const remoteKey = new RemoteKeyring(options.secrets, options.environment)
  let switched = false
  const readiness: ModelReadiness = new ModelReadiness(
    () => backends.get().getStatus(),
    () => backends.isRemote,
  )
  const generation = new GenerationService({ backend: () => backends.get(), readiness })
  const backends: BackendSwitch = await BackendSwitch.create(loadedSettings.settings, {
    launchEngine: options.launchEngine,
    remoteKey,
    engineOverrides: options.engineOverrides ?? {},
    onStatus: (status) => {
      broadcast.emit({ type: 'status', status })
      // The switch is not assigned yet while the first backend starts.
      if (switched) readiness.changed()
    },
    onReplace: () =>
      generation.failAll(
        'engine-stopped',
        'The engine was switched in Settings while this was being written.',
        { key: 'engine-switched' },
      ),
  })
  switched = true
  // Shown at start and again once the first model is loaded (loading replaces the notice).
  let startupNotice = loadedSettings.problem
  if (startupNotice) backends.get().notify(startupNotice)

  const loraFile = (file: string) => (isAbsolute(file) ? file : join(options.dataDir, 'lora', file))

  /** A model loaded from anywhere (`--model`, a file dialog) stays in the list after switching. */
  const keepListed = async (path: string | undefined): Promise<void> => {
    if (!path || (await models.list()).some((entry) => entry.path === path)) return
    await models.add(path).catch((error: unknown) => console.error('quire: not listed', error))
  }
  const loadModel = (path: string): Promise<EngineStatus> =>
    readiness.track(
      (async () => {
        if (backends.isRemote) return backends.get().loadModel(path)
        // Check the file before llama.cpp sees it: a malformed GGUF can abort the engine process.
        const file = resolve(path)
        await validateModel(file)
        const status = await backends.get().loadModel(file)
        if (options.rememberModel !== false) {
          await settings.update({ lastModelPath: status.model?.path ?? null })
          await keepListed(status.model?.path)
        }
        if (startupNotice) {
          backends.get().notify(startupNotice)
          startupNotice = null
          return backends.get().getStatus()
        }
        return status
      })(),
    )
  const models = new ModelStore(
    join(options.dataDir, 'models'),
    await loadCatalog(options.resourcesDir),
  )
  const modelHandlers = createModelHandlers({
    store: models,
    emit: (event) => broadcast.emit(event),
    loadIfIdle: async (path) => (backends.get().getStatus().model ? null : loadModel(path)),
    endpoint: () => normalizeEndpoint(settings.get().hfEndpoint) ?? undefined,
    loadedPath: () => (backends.isRemote ? null : (backends.get().getStatus().model?.path ?? null)),
  })
  const remoteKeyStatus = () => remoteKey.status(settings.get().remote.baseUrl)

  /** The handlers every client shares; `generate` and `cancel` are bound per client below. */
  const shared: Omit<ContractHandlers, 'generate' | 'cancel'> = {
    ...modelHandlers,
    ...createDocumentHandlers(documents),
    ...createLibraryHandlers(library, () => settings.get().promptLanguage),
    ...createVoteHandlers(new VoteStore(options.dataDir), library),
    listLoraAdapters: () => listLoraAdapters(options.dataDir),
    getStatus: async () => backends.get().getStatus(),
    loadModel: ({ path }) => loadModel(path),
    getSettings: async () => settings.get(),
    checkRemote: async (remote) => {
      // A throwaway backend: the one in use is not touched until the writer saves.
      const saved = settings.get()
      const probe = new RemoteBackend({
        ...saved.remote,
        ...remote,
        contextSize: saved.engine.contextSize,
        apiKey: () => options.secrets.get('remote-api-key'),
        onStatus: () => undefined,
      })
      try {
        return await probe.loadModel()
      } finally {
        await probe.dispose()
      }
    },
    updateSettings: async (patch) => {
      const previous = settings.get()
      // A folder Quire cannot create or write to is refused before anything is saved.
      if (patch.documentsFolder !== undefined && patch.documentsFolder !== previous.documentsFolder)
        await documents.checkSetting(patch.documentsFolder)
      const next = await settings.update(patch)
      await backends.apply(next)
      if (previous.documentsFolder !== next.documentsFolder)
        await documents.applySetting(next.documentsFolder)
      // Back on this computer: bring back the model the writer last used.
      const backToLocal = previous.engine.backend === 'remote' && next.engine.backend === 'local'
      if (backToLocal && next.lastModelPath) {
        loadModel(next.lastModelPath).catch((error: unknown) =>
          backends.get().notify(error instanceof Error ? error.message : String(error)),
        )
      }
      return next
    },
    setRemoteApiKey: async ({ apiKey }) => {
      // Bound to the address saved now: a later change of address does not take the key along.
      await remoteKey.save(apiKey, settings.get().remote.baseUrl)
      await backends.recheck()
      return remoteKeyStatus()
    },
    getRemoteKeyStatus: remoteKeyStatus,
  }

  const connect = (listener: EventListener): ClientConnection => {
    let open = true
    const client: GenerationClient = {
      id: randomUUID(),
      send: (event) => {
        if (open) listener(event)
      },
    }
    const unsubscribe = broadcast.subscribe(listener)
    return {
      ...shared,
      generate: async (call) => {
        const prepared = prepareRequest(library.current, call, {
          languageSetting: settings.get().promptLanguage,
          loraFile,
          modelInUse: () => backends.get().getStatus().model?.name ?? null,
          // The writer's list from Settings (else Quire's defaults), then rules from style packs.
          replacements: (language) => [
            ...(settings.get().replacements[language] ?? defaultReplacements[language]),
            ...library.current.replacements[language],
          ],
        })
        generation.generate(client, call.requestId, prepared)
        return { requestId: call.requestId }
      },
      cancel: async ({ requestId }) => ({ cancelled: generation.cancel(client, requestId) }),
      close: () => {
        if (!open) return
        open = false
        unsubscribe()
        generation.closeClient(client)
      },
    }
  }

  return {
    library,
    models,
    settings,
    documents,
    generation,
    readiness,
    backend: () => backends.get(),
    loadModel,
    connect,
    dispose: async () => {
      modelHandlers.dispose()
      await library.dispose()
      await documents.dispose()
      await backends.dispose()
    },
  }
}
