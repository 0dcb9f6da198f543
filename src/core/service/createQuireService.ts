import { randomUUID } from 'node:crypto'
import { isAbsolute, join, resolve } from 'node:path'
import type { QuireService } from '@shared/contract'
import type { Settings } from '@shared/settings/schema'
import { EngineHost, type EngineSettings } from '../engine/host/engineHost'
import type { EngineLauncher } from '../engine/protocol'
import { fitToContext } from '../library/fitContext'
import { planGeneration } from '../library/prepareGeneration'
import { loadPromptLibrary, summarizePrompts, type PromptLibrary } from '../library/promptLibrary'
import { SettingsStore } from '../settings/settingsStore'
import { EventHub } from './eventHub'
import { GenerationTracker } from '../generation/generationTracker'
import { loadCatalog } from '../models/catalog'
import { ModelStore } from '../models/modelStore'
import { validateModel } from '../models/validateModel'
import { createModelHandlers } from './modelHandlers'

export type QuireServiceOptions = {
  resourcesDir: string
  /** The per-user folder: settings.json, lora/, models. */
  dataDir: string
  launchEngine: EngineLauncher
  /** Values from the command line that win over the saved settings for this run. */
  engineOverrides?: Partial<EngineSettings>
}

export type RunningQuireService = QuireService & {
  library: PromptLibrary
  models: ModelStore
  engine: EngineHost
  settings: SettingsStore
  dispose(): Promise<void>
}

const engineSettings = (
  settings: Settings,
  overrides: Partial<EngineSettings> = {},
): EngineSettings => ({
  threads: settings.engine.threads,
  contextSize: settings.engine.contextSize,
  gpu: settings.engine.gpu,
  gpuLayers: settings.engine.gpuLayers,
  sequences: settings.engine.sequences,
  ...Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined)),
})

/** Builds the one service every transport (IPC, WebSocket, CLI) serves. */
export async function createQuireService(
  options: QuireServiceOptions,
): Promise<RunningQuireService> {
  const events = new EventHub()
  const settings = new SettingsStore(options.dataDir)
  const loadedSettings = await settings.load()
  const library = await loadPromptLibrary(options.resourcesDir)
  const tracker: GenerationTracker = new GenerationTracker(
    () => engine,
    (event) => events.emit(event),
  )
  const engine = new EngineHost({
    ...engineSettings(loadedSettings.settings, options.engineOverrides),
    launch: options.launchEngine,
    onEvent: (event) => tracker.handle(event),
  })
  await engine.start()
  if (loadedSettings.problem) engine.notify(loadedSettings.problem)

  // A new continuation replaces the one still running: the writer has moved on.
  const continuations = new Set<string>()
  events.subscribe((event) => {
    if (event.type === 'done' || event.type === 'error') continuations.delete(event.requestId)
  })
  const loraFile = (file: string) => (isAbsolute(file) ? file : join(options.dataDir, 'lora', file))

  const loadModel = async (path: string) => {
    // Check the file before llama.cpp sees it: a malformed GGUF can abort the engine process.
    await validateModel(resolve(path))
    const status = await engine.loadModel(resolve(path))
    await settings.update({ lastModelPath: status.model?.path ?? null })
    return status
  }
  const models = new ModelStore(
    join(options.dataDir, 'models'),
    await loadCatalog(options.resourcesDir),
  )
  const modelHandlers = createModelHandlers({
    store: models,
    emit: (event) => events.emit(event),
    loadIfIdle: async (path) => (engine.getStatus().model ? null : loadModel(path)),
  })

  return {
    library,
    models,
    engine,
    settings,
    ...modelHandlers,
    onEvent: (listener) => events.subscribe(listener),
    getStatus: async () => engine.getStatus(),
    loadModel: ({ path }) => loadModel(path),
    listPrompts: async () => summarizePrompts(library),
    generate: async (request) => {
      const plan = planGeneration(library, request, settings.get().promptLanguage)
      const rendered = await fitToContext(
        plan.render,
        (system, user) => engine.measure(system, user),
        request.before,
        request.selection,
      )
      const requestId = randomUUID()
      if (plan.prompt.kind === 'continue') {
        for (const running of continuations) tracker.cancel(running)
        continuations.add(requestId)
      }
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
        language: rendered.language,
        replacements: settings.get().replacements[rendered.language] ?? undefined,
      })
      return { requestId }
    },
    cancel: async ({ requestId }) => ({ cancelled: tracker.cancel(requestId) }),
    getSettings: async () => settings.get(),
    updateSettings: async (patch) => {
      const before = settings.get().engine
      const next = await settings.update(patch)
      if (JSON.stringify(before) !== JSON.stringify(next.engine))
        await engine.reconfigure(engineSettings(next, options.engineOverrides))
      return next
    },
    dispose: async () => {
      modelHandlers.dispose()
      await engine.dispose()
    },
  }
}
