import type { InferenceBackend } from '../engine/backend'
import { tooBigError } from './memoryCheck'
import type { Route } from './routeRequest'

/** A backend lent to one request; `release` once the request has ended. */
export type Lease = { backend: InferenceBackend; release(): void }

/** A backend that must be started before it runs anything (EngineHost, RemoteBackend). */
export type StartableBackend = InferenceBackend & { start(): Promise<unknown> }

/** The engine of the model in use, when it runs on this computer with a model loaded. */
export type MainEngine = {
  /** Expected memory of the model in use with its context. */
  footprint(): Promise<number>
  /** Waits for its runs to end, frees its model, and resolves with what loads it back. */
  lend(): Promise<() => Promise<void>>
}

/** Why a side request waits: another model holds the second engine, or the model in use must finish first. */
export type SideWait = 'queued' | 'other-answer'

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
  /** The main engine, for a model that fits only in its place (null: the server is in use). */
  main?: () => MainEngine | null
}

/** A started side backend, and, when it runs in the place of the model in use, what gives that back. */
type Started = { backend: StartableBackend; giveBack: (() => Promise<void>) | null }

type Slot = {
  /** The model file (local) or the server address (remote) this slot serves. */
  key: string
  ready: Promise<Started>
  users: number
  idle: ReturnType<typeof setTimeout> | null
}

/**
 * The backends a configuration may name beside the one in use: another installed model, loaded
 * on demand in a second engine process after a memory check, and the remote server. While both
 * fit in memory the main engine is not touched, so its model and prompt cache stay as they are.
 * When the other model fits only in the place of the model in use, the two run one after the
 * other: the request waits for the main engine's runs to end, the main model is unloaded, the
 * other one runs, then closes at once and the main model is loaded back. One other local model
 * is resident at a time: a request for a third waits until the second is free. Each side
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
   * `onWait` says why the request waits: another model holds the second engine, or (`other-answer`)
   * this model runs only once the model in use has finished and made room.
   * Rejects with a keyed QuireError: the model does not fit, does not load, the server is unreachable.
   */
  async acquire(
    route: Exclude<Route, { kind: 'main' }>,
    onWait: (reason: SideWait) => void = () => {},
  ): Promise<Lease> {
    if (route.kind === 'remote')
      return this.lease('remote', this.deps.remoteAddress(), () => this.startRemote())
    for (;;) {
      const slot = this.local
      if (!slot || slot.key === route.path || slot.users === 0)
        return this.lease('local', route.path, () => this.startLocal(route, onWait))
      onWait('queued')
      await new Promise<void>((resolve) => this.waiters.add(resolve))
    }
  }

  /** Which model the second engine holds now (null when none): for tests and diagnostics. */
  get localModel(): string | null {
    return this.local?.key ?? null
  }

  /** Closes the second engine if no request uses it (before its model's file is removed, say). */
  async closeIdle(): Promise<void> {
    if (this.local && this.local.users === 0) await this.close('local')
  }

  /** Closes every side backend. */
  async dispose(): Promise<void> {
    this.disposed = true
    await Promise.all([this.close('local'), this.close('remote')])
  }

  private async lease(
    which: 'local' | 'remote',
    key: string,
    start: () => Promise<Started>,
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
      backend = (await held.ready).backend
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
    // In the place of the model in use: closed at once, so that model comes back.
    void slot.ready.then(({ giveBack }) => {
      if (giveBack && this[which] === slot && slot.users === 0) void this.close(which)
    })
    // A request waiting for another model may take the engine now.
    const waiting = [...this.waiters]
    this.waiters.clear()
    for (const wake of waiting) wake()
    if (this[which] === slot && slot.users === 0)
      slot.idle = setTimeout(() => {
        if (this[which] === slot && slot.users === 0) void this.close(which)
      }, this.deps.idleMs)
  }

  /** Starts the second engine with a model: beside the model in use, or in its place. */
  private async startLocal(
    route: Extract<Route, { kind: 'local' }>,
    onWait: (reason: SideWait) => void,
  ): Promise<Started> {
    const need = await this.deps.footprint(route.path)
    const free = this.deps.freeMemory()
    if (need <= free) return { backend: await this.startEngine(route.path), giveBack: null }
    const main = this.deps.main?.() ?? null
    if (!main || need > free + (await main.footprint())) throw tooBigError(route.title, need, free)
    onWait('other-answer')
    const giveBack = await main.lend()
    try {
      return { backend: await this.startEngine(route.path), giveBack }
    } catch (error) {
      await giveBack()
      throw error
    }
  }

  private async startEngine(path: string): Promise<StartableBackend> {
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

  private async startRemote(): Promise<Started> {
    const backend = this.deps.createRemote()
    try {
      await backend.start()
      // Rejects with the server's keyed reason (unreachable, refused key, no such model).
      await backend.loadModel('')
      return { backend, giveBack: null }
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
    const started = await slot.ready.catch(() => null)
    await started?.backend.dispose()
    // The memory is free again: the model in use comes back (unless Quire is closing).
    if (!this.disposed) await started?.giveBack?.()
    if (this.disposed) return
    const waiting = [...this.waiters]
    this.waiters.clear()
    for (const wake of waiting) wake()
  }
}
