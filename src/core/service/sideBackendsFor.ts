import { freemem } from 'node:os'
import { QuireError } from '@shared/contract'
import type { EngineSettings } from '../engine/backend'
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
  launchEngine: EngineLauncher
  engineOverrides: Partial<EngineSettings>
  remoteKey: RemoteKeyring
}

/** The side backends of the app and `quire serve`, built from the current settings each time one starts. */
export function createSideBackends({
  settings,
  launchEngine,
  engineOverrides,
  remoteKey,
}: Deps): SideBackends {
  const local = () => engineSettings(settings.get(), engineOverrides)
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
    footprint: async (path) => {
      const inspection = await inspectGguf(path)
      if (!inspection.ok)
        throw new QuireError(
          'model-invalid',
          `${path} cannot be read as a model (${inspection.problem.detail}).`,
          'compare-model-unreadable',
          { path, detail: inspection.problem.detail },
        )
      const { contextSize, sequences } = local()
      return modelFootprint(inspection.facts, contextSize * (sequences ?? 2))
    },
    freeMemory: freemem,
    idleMs: SIDE_IDLE_MS,
  })
}
