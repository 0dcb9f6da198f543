import { randomUUID } from 'node:crypto'
import { isAbsolute, join, resolve } from 'node:path'
import type { QuireService } from '@shared/contract'
import { defaultReplacements } from '@shared/postprocess'
import type { BackendEvent, InferenceBackend } from '../engine/backend'
import type { EngineSettings } from '../engine/host/engineHost'
import type { EngineLauncher } from '../engine/protocol'
import { GenerationTracker } from '../generation/generationTracker'
import { fitToContext } from '../library/fitContext'
import { LibraryStore } from '../library/libraryStore'
import { planGeneration } from '../library/prepareGeneration'
import { loadCatalog } from '../models/catalog'
import { ModelStore } from '../models/modelStore'
import { validateModel } from '../models/validateModel'
import type { SecretStore } from '../secrets/secretStore'
import { SettingsStore } from '../settings/settingsStore'
import { BackendSwitch } from './backendSwitch'
import { EventHub } from './eventHub'
import { openDocuments, type Documents } from '../documents/documents'
import { createDocumentHandlers } from './documentHandlers'
import { createLibraryHandlers } from './libraryHandlers'
import { createModelHandlers } from './modelHandlers'

export type QuireServiceOptions = {
  resourcesDir: string
  /** The per-user folder: settings.json, prompts/, personas/, lora/, models/. */
  dataDir: string
  launchEngine: EngineLauncher
  /** Where the remote server's API key is kept (the OS keychain in the app). */
  secrets: SecretStore
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
  /** Every raw backend event, for the OpenAI-compatible endpoint of `quire serve`. */
  onBackendEvent(listener: (event: BackendEvent) => void): () => void
  dispose(): Promise<void>
}

/** Builds the one service every transport (IPC, WebSocket, CLI) serves. */
export async function createQuireService(
  options: QuireServiceOptions,
): Promise<RunningQuireService> {
  const events = new EventHub()
  const settings = new SettingsStore(options.dataDir)
  const loadedSettings = await settings.load()
  const library = await LibraryStore.open({
    resourcesDir: options.resourcesDir,
    dataDir: options.dataDir,
  })
  library.onChanged(() => events.emit({ type: 'library-changed' }))
  const documents = openDocuments({
    dataDir: options.dataDir,
    setting: loadedSettings.settings.documentsFolder,
    override: options.documentsFolder,
    defaultFolder: options.defaultDocumentsFolder,
    emit: (event) => events.emit(event),
    removeFile: options.removeDocumentFile,
  })

  const backendListeners = new Set<(event: BackendEvent) => void>()
  const tracker: GenerationTracker = new GenerationTracker(
    () => backends.get(),
    (event) => events.emit(event),
  )
  const backends: BackendSwitch = await BackendSwitch.create(loadedSettings.settings, {
    launchEngine: options.launchEngine,
    secrets: options.secrets,
    engineOverrides: options.engineOverrides ?? {},
    onEvent: (event) => {
      tracker.handle(event)
      for (const listener of backendListeners) listener(event)
    },
    onReplace: () =>
      tracker.failAll(
        'engine-stopped',
        'The engine was switched in Settings while this was being written.',
      ),
  })
  // Shown at start and again once the first model is loaded (loading replaces the notice).
  let startupNotice = loadedSettings.problem
  if (startupNotice) backends.get().notify(startupNotice)

  // A new continuation replaces the one still running: the writer has moved on.
  const continuations = new Set<string>()
  events.subscribe((event) => {
    if (event.type === 'done' || event.type === 'error') continuations.delete(event.requestId)
  })
  const loraFile = (file: string) => (isAbsolute(file) ? file : join(options.dataDir, 'lora', file))

  const loadModel = async (path: string) => {
    if (backends.isRemote) return backends.get().loadModel(path)
    // Check the file before llama.cpp sees it: a malformed GGUF can abort the engine process.
    const file = resolve(path)
    await validateModel(file)
    const status = await backends.get().loadModel(file)
    if (options.rememberModel !== false)
      await settings.update({ lastModelPath: status.model?.path ?? null })
    if (startupNotice) {
      backends.get().notify(startupNotice)
      startupNotice = null
      return backends.get().getStatus()
    }
    return status
  }
  const models = new ModelStore(
    join(options.dataDir, 'models'),
    await loadCatalog(options.resourcesDir),
  )
  const modelHandlers = createModelHandlers({
    store: models,
    emit: (event) => events.emit(event),
    loadIfIdle: async (path) => (backends.get().getStatus().model ? null : loadModel(path)),
    loadedPath: () => (backends.isRemote ? null : (backends.get().getStatus().model?.path ?? null)),
  })
  const remoteKeyStatus = async () => ({
    hasKey: (await options.secrets.get('remote-api-key')) !== null,
    persistent: options.secrets.persistent,
  })

  return {
    library,
    models,
    settings,
    documents,
    backend: () => backends.get(),
    onBackendEvent: (listener) => {
      backendListeners.add(listener)
      return () => backendListeners.delete(listener)
    },
    onEvent: (listener) => events.subscribe(listener),
    ...modelHandlers,
    ...createDocumentHandlers(documents),
    ...createLibraryHandlers(library, () => settings.get().promptLanguage),
    getStatus: async () => backends.get().getStatus(),
    loadModel: ({ path }) => loadModel(path),
    generate: async (request) => {
      const plan = planGeneration(library.current, request, settings.get().promptLanguage)
      const backend = backends.get()
      const rendered = await fitToContext(
        plan.render,
        (system, user) => backend.measure(system, user),
        request.before,
        request.selection,
      )
      const requestId = randomUUID()
      if (plan.prompt.kind === 'continue') {
        for (const running of continuations) tracker.cancel(running)
        continuations.add(requestId)
      }
      const language = rendered.language
      tracker.start({
        requestId,
        job: {
          system: rendered.system,
          user: rendered.user,
          sampling: rendered.sampling,
          seed: request.seed,
          lora: rendered.lora.map((adapter) => ({
            file: loraFile(adapter.file),
            scale: adapter.scale,
          })),
          deadlineAt: Date.now() + request.deadlineMs,
        },
        steps: plan.prompt.postprocess,
        language,
        // The writer's list from Settings (else Quire's defaults), then rules from style packs.
        replacements: [
          ...(settings.get().replacements[language] ?? defaultReplacements[language]),
          ...library.current.replacements[language],
        ],
      })
      return { requestId }
    },
    cancel: async ({ requestId }) => ({ cancelled: tracker.cancel(requestId) }),
    getSettings: async () => settings.get(),
    updateSettings: async (patch) => {
      const previous = settings.get()
      // A folder Quire cannot create or write to is refused before anything is saved.
      if (patch.documentsFolder !== undefined && patch.documentsFolder !== previous.documentsFolder)
        await documents.checkSetting(patch.documentsFolder)
      const next = await settings.update(patch)
      await backends.apply(previous, next)
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
      await options.secrets.set('remote-api-key', apiKey)
      await backends.recheck()
      return remoteKeyStatus()
    },
    getRemoteKeyStatus: remoteKeyStatus,
    dispose: async () => {
      modelHandlers.dispose()
      await library.dispose()
      await documents.dispose()
      await backends.dispose()
    },
  }
}
