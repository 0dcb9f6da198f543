import { freemem } from 'node:os'
import { QuireError } from '@shared/contract'
import type { EngineSettings, InferenceBackend } from '../engine/backend'
import { inspectGguf } from '../engine/gguf/inspectGguf'
import { EngineHost } from '../engine/host/engineHost'
import type { EngineLauncher } from '../engine/protocol'
import { RemoteBackend } from '../engine/remote/remoteBackend'
import { modelFootprint } from '../generation/memoryCheck'
import { SideBackends } from '../generation/sideBackends'
import type { RemoteKeyring } from '../secrets/remoteKeyring'
import type { SettingsStore } from '../settings/settingsStore'
import { engineSettings } from './backendSwitch'

/** A second model or the server stays ready this long after its last request (a rerun, a next compare). */
const SIDE_IDLE_MS = 90_000

type Deps = {
  settings: SettingsStore
  /** The backend in use (its engine lends its memory to a model that fits only in its place). */
  mainBackend: () => InferenceBackend
  launchEngine: EngineLauncher
  engineOverrides: Partial<EngineSettings>
  remoteKey: RemoteKeyring
}

/** The side backends of the app and `quire serve`, built from the current settings each time one starts. */
export function createSideBackends({
  settings,
  mainBackend,
  launchEngine,
  engineOverrides,
  remoteKey,
}: Deps): SideBackends {
  const local = () => engineSettings(settings.get(), engineOverrides)
  /** What a model file takes in memory with `tokens` of context. */
  const footprintOf = async (path: string, tokens: number) => {
    const inspection = await inspectGguf(path)
    if (!inspection.ok)
      throw new QuireError(
        'model-invalid',
        `${path} cannot be read as a model (${inspection.problem.detail}).`,
        'compare-model-unreadable',
        { path, detail: inspection.problem.detail },
      )
    return modelFootprint(inspection.facts, tokens)
  }
  return new SideBackends({
    createLocal: () =>
      new EngineHost({
        ...local(),
        launch: launchEngine,
        // Its status is its own: the writer's status bar shows the model in use.
        onStatus: () => {},
      }),
    createRemote: () =>
      new RemoteBackend({
        ...settings.get().remote,
        contextSize: settings.get().engine.contextSize,
        apiKey: (baseUrl) => remoteKey.keyFor(baseUrl),
        onStatus: () => {},
      }),
    remoteAddress: () => settings.get().remote.baseUrl,
    footprint: (path) => {
      const { contextSize, sequences } = local()
      return footprintOf(path, contextSize * (sequences ?? 2))
    },
    main: () => {
      const engine = mainBackend()
      const model = engine.getStatus().model
      if (!(engine instanceof EngineHost) || !model) return null
      return {
        footprint: () => footprintOf(model.path, model.contextSize * model.sequences),
        lend: () =>
          engine.lend(
            `${model.name} makes room for another model in a comparison; it comes back when that answer is done.`,
            { key: 'model-lent-to-compare', params: { name: model.name } },
          ),
      }
    },
    freeMemory: freemem,
    idleMs: SIDE_IDLE_MS,
  })
}
