import { describe, expect, it } from 'vitest'
import type { EngineStatus } from '@shared/contract'
import { EngineHost } from '@core/engine/host/engineHost'
import type { EngineChannel, HostToEngine } from '@core/engine/protocol'
import { fakeModel, sampling, settle, stats } from './fakeBackend'

/** An engine process played by the test: it records what the host sends and answers by hand. */
function fakeEngine() {
  const sent: HostToEngine[] = []
  let listener: (message: unknown) => void = () => {}
  const channel: EngineChannel = {
    send: (message) => sent.push(message),
    onMessage: (next) => (listener = next),
    onExit: () => {},
    kill: () => {},
  }
  return { channel, sent, reply: (message: unknown) => listener(message) }
}

describe('the main engine lending its memory to a comparison', () => {
  it('waits for its runs, unloads, makes new requests wait, and loads the same model back', async () => {
    const engine = fakeEngine()
    const statuses: EngineStatus[] = []
    const host = new EngineHost({
      threads: 1,
      contextSize: 1024,
      gpu: 'off',
      gpuLayers: 'auto',
      sequences: 1,
      launch: () => engine.channel,
      onStatus: (status) => statuses.push(status),
    })
    const started = host.start()
    engine.reply({ type: 'ready', pid: 1 })
    await started
    const load = host.loadModel(fakeModel.path)
    await settle()
    engine.reply({ type: 'loaded', callId: 1, model: fakeModel })
    await load

    const done: string[] = []
    host.run(
      { runId: 'a#1', prompt: { kind: 'messages', system: '', user: 'u', turns: [] }, sampling },
      {
        queued: () => {},
        started: () => {},
        delta: () => {},
        done: () => done.push('a'),
        error: () => {},
      },
    )
    let lent = false
    const lending = host
      .lend('lent', { key: 'model-lent-to-compare', params: { name: fakeModel.name } })
      .then((giveBack) => {
        lent = true
        return giveBack
      })
    await settle()
    // A is still running: nothing is unloaded under it.
    expect(engine.sent.map((m) => m.type)).toEqual(['load', 'generate'])
    engine.reply({ type: 'done', runId: 'a#1', text: 'x', stats: stats() })
    await settle()
    expect(done).toEqual(['a'])
    expect(engine.sent.at(-1)).toEqual({ type: 'unload', callId: 2 })
    // Requests wait as for a load; the status says why.
    expect(host.getStatus()).toMatchObject({
      state: 'loading',
      model: null,
      loadingPath: fakeModel.path,
      noticeRef: { key: 'model-lent-to-compare' },
    })
    expect(lent).toBe(false)
    engine.reply({ type: 'unloaded', callId: 2 })
    const giveBack = await lending
    const back = giveBack()
    await settle()
    expect(engine.sent.at(-1)).toMatchObject({ type: 'load', path: fakeModel.path })
    engine.reply({ type: 'loaded', callId: 3, model: fakeModel })
    await back
    expect(host.getStatus()).toMatchObject({ state: 'ready', model: { path: fakeModel.path } })
  })
})
