import { describe, expect, it, vi } from 'vitest'
import { QuireError, type GenerationEvent } from '@shared/contract'
import { GenerationService, type PreparedRequest } from '@core/generation/generationService'
import { ModelReadiness } from '@core/generation/modelReadiness'
import type { Route } from '@core/generation/routeRequest'
import { SideBackends, type SideBackendsDeps } from '@core/generation/sideBackends'
import { FakeBackend, fakeModel, sampling, settle, stats } from './fakeBackend'

/** A fake second engine that records what it loaded and whether it was closed. */
class SideEngine extends FakeBackend {
  loaded: string | null = null
  disposed = false
  constructor() {
    super(false)
  }
  start = async (): Promise<void> => {}
  override loadModel = async (path = '') => {
    this.loaded = path
    this.setStatus({ state: 'ready', model: { ...fakeModel, path, name: `model at ${path}` } })
    return this.status
  }
  override dispose = async (): Promise<void> => {
    this.disposed = true
  }
}

const route = (path: string): Extract<Route, { kind: 'local' }> => ({
  kind: 'local',
  modelId: path,
  path,
  title: `Model ${path}`,
})

function sides(overrides: Partial<SideBackendsDeps> = {}) {
  const engines: SideEngine[] = []
  const side = new SideBackends({
    createLocal: () => {
      const engine = new SideEngine()
      engines.push(engine)
      return engine
    },
    createRemote: () => new SideEngine(),
    remoteAddress: () => 'http://gpu:8000/v1',
    footprint: async () => 1_000,
    freeMemory: () => 10_000,
    idleMs: 50,
    ...overrides,
  })
  return { side, engines }
}

describe('the side backends: another model in a second engine', () => {
  it('loads a model once for both requests of a compare and closes it once idle', async () => {
    vi.useFakeTimers()
    try {
      const { side, engines } = sides()
      const [one, two] = await Promise.all([side.acquire(route('/b')), side.acquire(route('/b'))])
      expect(engines).toHaveLength(1)
      expect(engines[0]?.loaded).toBe('/b')
      expect(one.backend).toBe(two.backend)
      one.release()
      two.release()
      two.release() // a second release changes nothing
      expect(engines[0]?.disposed).toBe(false)
      // Reused within the idle time, with no second load.
      const again = await side.acquire(route('/b'))
      expect(engines).toHaveLength(1)
      again.release()
      await vi.advanceTimersByTimeAsync(60)
      expect(engines[0]?.disposed).toBe(true)
      expect(side.localModel).toBeNull()
    } finally {
      vi.useRealTimers()
    }
  })

  it('lets go of an unused model at once when asked (its file is about to be removed)', async () => {
    const { side, engines } = sides({ idleMs: 60_000 })
    const lease = await side.acquire(route('/b'))
    await side.closeIdle()
    expect(engines[0]?.disposed).toBe(false)
    lease.release()
    await side.closeIdle()
    expect(engines[0]?.disposed).toBe(true)
    expect(side.localModel).toBeNull()
  })

  it('refuses a model that does not fit in free memory, before starting any engine', async () => {
    const { side, engines } = sides({ footprint: async () => 8e9, freeMemory: () => 3e9 })
    await expect(side.acquire(route('/big'))).rejects.toMatchObject({
      key: 'compare-model-too-big',
      params: { name: 'Model /big', need: '8 GB', free: '3 GB' },
    })
    expect(engines).toHaveLength(0)
    expect(side.localModel).toBeNull()
  })

  it('makes a request for a third model wait until the second is free, then swaps it', async () => {
    const { side, engines } = sides()
    const first = await side.acquire(route('/b'))
    const waited = vi.fn()
    const third = side.acquire(route('/c'), waited)
    await settle()
    expect(waited).toHaveBeenCalledOnce()
    expect(engines).toHaveLength(1)
    first.release()
    const lease = await third
    expect(engines[0]?.disposed).toBe(true)
    expect(engines[1]?.loaded).toBe('/c')
    lease.release()
    await side.dispose()
    expect(engines[1]?.disposed).toBe(true)
  })
})

describe('the side backends: the remote server', () => {
  it('starts one client for the server in Settings, shares it, and makes a new one for a new address', async () => {
    const clients: SideEngine[] = []
    let address = 'http://gpu:8000/v1'
    const { side } = sides({
      createRemote: () => {
        const client = new SideEngine()
        clients.push(client)
        return client
      },
      remoteAddress: () => address,
    })
    const remote = { kind: 'remote' } as const
    const [one, two] = await Promise.all([side.acquire(remote), side.acquire(remote)])
    expect(clients).toHaveLength(1)
    expect(one.backend).toBe(two.backend)
    one.release()
    two.release()
    address = 'http://other:8000/v1'
    const three = await side.acquire(remote)
    expect(clients).toHaveLength(2)
    expect(clients[0]?.disposed).toBe(true)
    three.release()
    await side.dispose()
  })

  it('passes on the server’s own keyed reason when it cannot be reached', async () => {
    const unreachable = new SideEngine()
    unreachable.loadModel = async () => {
      throw new QuireError('model-load-failed', 'Cannot reach gpu:8000.', 'server-unreachable', {
        address: 'gpu:8000',
      })
    }
    const { side } = sides({ createRemote: () => unreachable })
    await expect(side.acquire({ kind: 'remote' })).rejects.toMatchObject({
      key: 'server-unreachable',
    })
    expect(unreachable.disposed).toBe(true)
  })
})

describe('a second model that fits only in the place of the model in use', () => {
  it('waits for the main engine, runs in its place, then closes at once and gives the place back', async () => {
    const steps: string[] = []
    let giveBack: () => void = () => {}
    const { side, engines } = sides({
      footprint: async () => 6e9,
      freeMemory: () => 4e9,
      main: () => ({
        footprint: async () => 3e9,
        lend: async () => {
          steps.push('main lent')
          return async () => {
            steps.push('main back')
            giveBack()
          }
        },
      }),
    })
    const waits: string[] = []
    const lease = await side.acquire(route('/big'), (reason) => waits.push(reason))
    expect(waits).toEqual(['other-answer'])
    expect(steps).toEqual(['main lent'])
    expect(engines[0]?.loaded).toBe('/big')
    const back = new Promise<void>((resolve) => (giveBack = resolve))
    lease.release()
    await back
    // The other model was closed before the model in use came back: never both in memory.
    expect(engines[0]?.disposed).toBe(true)
    expect(steps).toEqual(['main lent', 'main back'])
    expect(side.localModel).toBeNull()
  })

  it('still refuses a model too big even in the place of the model in use, or with the server in use', async () => {
    const tooBig = { footprint: async () => 9e9, freeMemory: () => 4e9 }
    const lend = vi.fn()
    const withMain = sides({ ...tooBig, main: () => ({ footprint: async () => 3e9, lend }) })
    await expect(withMain.side.acquire(route('/huge'))).rejects.toMatchObject({
      key: 'compare-model-too-big',
    })
    expect(lend).not.toHaveBeenCalled()
    const remote = sides({ footprint: async () => 6e9, freeMemory: () => 4e9, main: () => null })
    await expect(remote.side.acquire(route('/big'))).rejects.toMatchObject({
      key: 'compare-model-too-big',
    })
  })
})

const prepared = (route?: Route): PreparedRequest => ({
  job: { prompt: { kind: 'messages', system: 's', user: 'u', turns: [] }, sampling, lora: [] },
  finishing: null,
  configuration: {
    promptId: 'rewrite.lyrical',
    language: 'en',
    promptVersion: 'aaaaaaaaaaaa',
    preset: 'creative',
    sampling,
    persona: 'default',
    personaVersion: 'bbbbbbbbbbbb',
    lora: [],
  },
  ...(route && { route }),
})

describe('the generation service with a second model', () => {
  const setup = (deps: Partial<SideBackendsDeps> = {}) => {
    const main = new FakeBackend()
    const { side, engines } = sides(deps)
    const service = new GenerationService({
      backend: () => main,
      readiness: new ModelReadiness(() => main.getStatus()),
      side,
    })
    const events: GenerationEvent[] = []
    const client = { id: 'w', send: (event: GenerationEvent) => events.push(event) }
    return { main, side, engines, service, events, client }
  }
  const started = { messages: [], trimmedBefore: false, promptTokens: 1 }

  it('runs A on the model in use and B on the other model at once, each named in its started event', async () => {
    const { main, engines, service, events, client } = setup()
    service.generate(client, 'a', prepared())
    service.generate(client, 'b', prepared(route('/b')))
    await settle()
    expect(main.runs.map((run) => run.job.runId)).toEqual(['a#1'])
    expect(engines[0]?.runs.map((run) => run.job.runId)).toEqual(['b#1'])
    main.last().sink.started(started)
    engines[0]?.last().sink.started(started)
    const configurations = events.flatMap((e) => (e.type === 'started' ? [e.configuration] : []))
    expect(configurations.map((c) => c?.model)).toEqual(['Qwen3 4B', 'model at /b'])
    expect(events.find((e) => e.type === 'waiting')).toMatchObject({
      requestId: 'b',
      reason: 'model-loading',
    })
    // Cancelling B stops it on the second engine, not on the main one.
    service.cancel(client, 'b')
    expect(engines[0]?.cancelled.map((c) => c.runId)).toEqual(['b#1'])
    expect(main.cancelled).toEqual([])
    engines[0]?.last().sink.done('', stats({ stopReason: 'abort' }))
    expect(main.status.model?.path).toBe(fakeModel.path)
  })

  it('ends B with the keyed reason when its model does not fit, and A still runs', async () => {
    const { main, service, events, client } = setup({ freeMemory: () => 10 })
    service.generate(client, 'a', prepared())
    service.generate(client, 'b', prepared(route('/b')))
    await settle()
    await settle()
    expect(main.runs).toHaveLength(1)
    expect(events.find((e) => e.type === 'error')).toMatchObject({
      requestId: 'b',
      code: 'model-load-failed',
      key: 'compare-model-too-big',
    })
  })

  it('gives the second engine back when B is cancelled while its model loads', async () => {
    vi.useFakeTimers()
    try {
      let finishLoad: () => void = () => {}
      const { side, service, events, client } = setup({
        footprint: () => new Promise<number>((resolve) => (finishLoad = () => resolve(1))),
      })
      service.generate(client, 'b', prepared(route('/b')))
      await vi.advanceTimersByTimeAsync(0)
      service.cancel(client, 'b')
      expect(events.at(-1)).toMatchObject({ type: 'done', requestId: 'b' })
      finishLoad()
      await vi.advanceTimersByTimeAsync(0)
      expect(side.localModel).toBe('/b')
      await vi.advanceTimersByTimeAsync(60)
      expect(side.localModel).toBeNull()
    } finally {
      vi.useRealTimers()
    }
  })
})
