import type { InferenceBackend } from '../engine/backend'
import { checkFits } from './memoryCheck'
import type { Route } from './routeRequest'

/** A backend lent to one request; `release` once the request has ended. */
export type Lease = { backend: InferenceBackend; release(): void }

/** A backend that must be started before it runs anything (EngineHost, RemoteBackend). */
export type StartableBackend = InferenceBackend & { start(): Promise<unknown> }

export type SideBackendsDeps = {
  /** A second supervised engine process, not started yet (same worker code as the main one). */
  createLocal(): StartableBackend
  /** A client of the server set in Settings, not started yet. */
  createRemote(): StartableBackend
  /** The server address in Settings: a client made for another address is not reused. */
  remoteAddress(): string
  /** Expected memory for loading a model file with the engine's context settings. */
  footprint(path: string): Promise<number>
  /** Memory free now, in bytes. */
  freeMemory(): number
  /** How long an unused side backend is kept (a rerun, the next compare) before it is closed. */
  idleMs: number
}

type Slot = {
  /** The model file (local) or the server address (remote) this slot serves. */
  key: string
  ready: Promise<StartableBackend>
  users: number
  idle: ReturnType<typeof setTimeout> | null
}

/**
 * The backends a configuration may name beside the one in use: another installed model, loaded
 * on demand in a second engine process after a memory check, and the remote server. The main
 * engine is never touched, so its model and prompt cache stay as they are. One other local
 * model is resident at a time: a request for a third waits until the second is free. Each side
 * backend closes once nothing has used it for `idleMs`.
 */
export class SideBackends {
  private local: Slot | null = null
  private remote: Slot | null = null
  private readonly waiters = new Set<() => void>()
  private disposed = false

  constructor(private readonly deps: SideBackendsDeps) {}

  /**
   * Lends the backend a route names, starting (and for a model, loading) it when needed.
   * `onWait` is called when the request must wait for another model to be released first.
   * Rejects with a keyed QuireError: the model does not fit, does not load, the server is unreachable.
   */
  async acquire(
    route: Exclude<Route, { kind: 'main' }>,
    onWait: () => void = () => {},
  ): Promise<Lease> {
    if (route.kind === 'remote')
      return this.lease('remote', this.deps.remoteAddress(), () => this.startRemote())
    for (;;) {
      const slot = this.local
      if (!slot || slot.key === route.path || slot.users === 0)
        return this.lease('local', route.path, () => this.startLocal(route.path, route.title))
      onWait()
      await new Promise<void>((resolve) => this.waiters.add(resolve))
    }
  }

  /** Which model the second engine holds now (null when none): for tests and diagnostics. */
  get localModel(): string | null {
    return this.local?.key ?? null
  }

  /** Closes every side backend. */
  async dispose(): Promise<void> {
    this.disposed = true
    await Promise.all([this.close('local'), this.close('remote')])
  }

  private async lease(
    which: 'local' | 'remote',
    key: string,
    start: () => Promise<StartableBackend>,
  ): Promise<Lease> {
    let slot = this[which]
    if (slot && slot.key !== key) {
      // An unused slot for another model or address makes way; a used one was waited for.
      await this.close(which)
      slot = null
    }
    if (!slot) {
      slot = { key, ready: start(), users: 0, idle: null }
      this[which] = slot
    }
    const held = slot
    held.users++
    if (held.idle) clearTimeout(held.idle)
    held.idle = null
    let backend: StartableBackend
    try {
      backend = await held.ready
    } catch (error) {
      held.users--
      if (this[which] === held) void this.close(which)
      throw error
    }
    let released = false
    return {
      backend,
      release: () => {
        if (released) return
        released = true
        this.released(which, held)
      },
    }
  }

  private released(which: 'local' | 'remote', slot: Slot): void {
    slot.users--
    if (slot.users > 0 || this[which] !== slot) return
    // A request waiting for another model may take the engine now.
    const waiting = [...this.waiters]
    this.waiters.clear()
    for (const wake of waiting) wake()
    if (this[which] === slot && slot.users === 0)
      slot.idle = setTimeout(() => {
        if (this[which] === slot && slot.users === 0) void this.close(which)
      }, this.deps.idleMs)
  }

  private async startLocal(path: string, title: string): Promise<StartableBackend> {
    checkFits(title, await this.deps.footprint(path), this.deps.freeMemory())
    const backend = this.deps.createLocal()
    try {
      await backend.start()
      await backend.loadModel(path)
      return backend
    } catch (error) {
      await backend.dispose()
      throw error
    }
  }

  private async startRemote(): Promise<StartableBackend> {
    const backend = this.deps.createRemote()
    try {
      await backend.start()
      // Rejects with the server's keyed reason (unreachable, refused key, no such model).
      await backend.loadModel('')
      return backend
    } catch (error) {
      await backend.dispose()
      throw error
    }
  }

  private async close(which: 'local' | 'remote'): Promise<void> {
    const slot = this[which]
    if (!slot) return
    this[which] = null
    if (slot.idle) clearTimeout(slot.idle)
    const backend = await slot.ready.catch(() => null)
    await backend?.dispose()
    if (this.disposed) return
    const waiting = [...this.waiters]
    this.waiters.clear()
    for (const wake of waiting) wake()
  }
}
