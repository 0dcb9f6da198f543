import type { EngineStatus } from '@shared/contract'
import type { Settings } from '@shared/settings/schema'
import type { BackendConfig, EngineSettings, InferenceBackend } from '../engine/backend'
import { EngineHost } from '../engine/host/engineHost'
import type { EngineLauncher } from '../engine/protocol'
import { RemoteBackend } from '../engine/remote/remoteBackend'
import type { RemoteKeyring } from '../secrets/remoteKeyring'

type Deps = {
  launchEngine: EngineLauncher
  /** The API key, sent only to the server address it is bound to. */
  remoteKey: RemoteKeyring
  onStatus: (status: EngineStatus) => void
  /** Command-line values that win over the saved engine settings for this run. */
  engineOverrides: Partial<EngineSettings>
  /** Called before a backend is replaced, so requests in flight can be failed cleanly. */
  onReplace: () => void
}

/** The local engine settings with this run's command-line overrides. */
export function engineSettings(
  settings: Settings,
  overrides: Partial<EngineSettings> = {},
): EngineSettings {
  return {
    threads: settings.engine.threads,
    contextSize: settings.engine.contextSize,
    gpu: settings.engine.gpu,
    gpuLayers: settings.engine.gpuLayers,
    sequences: settings.engine.sequences,
    ...Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined)),
  }
}

/** What each kind of backend is configured with, from the settings. */
function backendConfig(settings: Settings, overrides: Partial<EngineSettings>): BackendConfig {
  return {
    local: engineSettings(settings, overrides),
    remote: { ...settings.remote, contextSize: settings.engine.contextSize },
  }
}

/** Holds the backend the settings ask for (this machine or an OpenAI-compatible server) and swaps it when they change. */
export class BackendSwitch {
  private constructor(
    private readonly deps: Deps,
    private backend: InferenceBackend,
  ) {}

  static async create(settings: Settings, deps: Deps): Promise<BackendSwitch> {
    return new BackendSwitch(deps, await BackendSwitch.build(settings, deps))
  }

  private static async build(settings: Settings, deps: Deps): Promise<InferenceBackend> {
    const config = backendConfig(settings, deps.engineOverrides)
    if (settings.engine.backend === 'remote') {
      const backend = new RemoteBackend({
        ...config.remote,
        apiKey: (baseUrl) => deps.remoteKey.keyFor(baseUrl),
        onStatus: deps.onStatus,
      })
      await backend.start()
      return backend
    }
    const backend = new EngineHost({
      ...config.local,
      launch: deps.launchEngine,
      onStatus: deps.onStatus,
    })
    await backend.start()
    return backend
  }

  get(): InferenceBackend {
    return this.backend
  }

  get isRemote(): boolean {
    return this.backend.kind === 'remote'
  }

  /** Applies changed settings: another kind of backend is built; the same kind is reconfigured. */
  async apply(next: Settings): Promise<void> {
    if (next.engine.backend !== this.backend.kind) {
      this.deps.onReplace()
      const old = this.backend
      this.backend = await BackendSwitch.build(next, this.deps)
      await old.dispose()
      return
    }
    await this.backend.configure(backendConfig(next, this.deps.engineOverrides))
  }

  /** The remote server is checked again, with a new API key say. */
  recheck(): Promise<void> {
    return this.backend.recheck()
  }

  dispose(): Promise<void> {
    return this.backend.dispose()
  }
}
