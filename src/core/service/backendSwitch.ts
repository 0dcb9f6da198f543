import type { Settings } from '@shared/settings/schema'
import type { BackendEvent, InferenceBackend } from '../engine/backend'
import { EngineHost, type EngineSettings } from '../engine/host/engineHost'
import type { EngineLauncher } from '../engine/protocol'
import { RemoteBackend } from '../engine/remote/remoteBackend'
import type { SecretStore } from '../secrets/secretStore'

type Deps = {
  launchEngine: EngineLauncher
  secrets: SecretStore
  onEvent: (event: BackendEvent) => void
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

const remoteOptions = (settings: Settings) => ({
  ...settings.remote,
  contextSize: settings.engine.contextSize,
})

/** Holds the backend the settings ask for (this machine or an OpenAI-compatible server) and swaps it when they change. */
export class BackendSwitch {
  private backend: InferenceBackend
  private kind: Settings['engine']['backend']

  private constructor(
    private readonly deps: Deps,
    initial: { backend: InferenceBackend; kind: Settings['engine']['backend'] },
  ) {
    this.backend = initial.backend
    this.kind = initial.kind
  }

  static async create(settings: Settings, deps: Deps): Promise<BackendSwitch> {
    return new BackendSwitch(deps, await BackendSwitch.build(settings, deps))
  }

  private static async build(settings: Settings, deps: Deps) {
    if (settings.engine.backend === 'remote') {
      const backend = new RemoteBackend({
        ...remoteOptions(settings),
        apiKey: () => deps.secrets.get('remote-api-key'),
        onEvent: deps.onEvent,
      })
      await backend.start()
      return { backend, kind: 'remote' as const }
    }
    const backend = new EngineHost({
      ...engineSettings(settings, deps.engineOverrides),
      launch: deps.launchEngine,
      onEvent: deps.onEvent,
    })
    await backend.start()
    return { backend, kind: 'local' as const }
  }

  get(): InferenceBackend {
    return this.backend
  }

  get isRemote(): boolean {
    return this.kind === 'remote'
  }

  /** Applies changed settings: another backend is built; the same one is reconfigured. */
  async apply(previous: Settings, next: Settings): Promise<void> {
    if (next.engine.backend !== this.kind) {
      this.deps.onReplace()
      const old = this.backend
      const built = await BackendSwitch.build(next, this.deps)
      this.backend = built.backend
      this.kind = built.kind
      await old.dispose()
      return
    }
    if (this.backend instanceof RemoteBackend) {
      if (JSON.stringify(remoteOptions(previous)) !== JSON.stringify(remoteOptions(next)))
        await this.backend.reconfigure(remoteOptions(next))
      return
    }
    const before = engineSettings(previous, this.deps.engineOverrides)
    const after = engineSettings(next, this.deps.engineOverrides)
    if (JSON.stringify(before) !== JSON.stringify(after)) await this.backend.reconfigure(after)
  }

  /** The remote server is checked again, with a new API key say. */
  async recheck(): Promise<void> {
    if (this.backend instanceof RemoteBackend) await this.backend.reconfigure({})
  }

  dispose(): Promise<void> {
    return this.backend.dispose()
  }
}
