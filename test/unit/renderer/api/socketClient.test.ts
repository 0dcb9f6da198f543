import { afterEach, describe, expect, it, vi } from 'vitest'
import type { QuireEvent } from '@shared/contract'
import { createSocketClient } from '../../../../src/renderer/src/api/socketClient'

type Listener = (event: { data?: unknown }) => void

/** A WebSocket the test plays the server of: it sees what the client sends and answers by hand. */
class FakeSocket {
  static last: FakeSocket | null = null
  readonly sent: { id: number; method: string; params: unknown }[] = []
  private readonly listeners = new Map<string, Listener[]>()
  constructor(
    readonly url: string,
    readonly protocols: string[] = [],
  ) {
    FakeSocket.last = this
    queueMicrotask(() => this.fire('open', {}))
  }
  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener])
  }
  send(data: string): void {
    this.sent.push(JSON.parse(data) as { id: number; method: string; params: unknown })
  }
  fire(type: string, event: { data?: unknown }): void {
    for (const listener of this.listeners.get(type) ?? []) listener(event)
  }
  answer(id: number, value: unknown): void {
    this.fire('message', { data: JSON.stringify({ kind: 'result', id, ok: true, value }) })
  }
}

afterEach(() => vi.unstubAllGlobals())

describe('the WebSocket client', () => {
  it('ends the requests the server dropped with the connection, and only those', async () => {
    vi.stubGlobal('WebSocket', FakeSocket)
    vi.useFakeTimers({ toFake: ['setTimeout'] })
    const client = createSocketClient('ws://127.0.0.1/ws', 'token')
    const events: QuireEvent[] = []
    client.onEvent((event) => events.push(event))
    const request = { promptId: 'rewrite.lyrical', selection: 'rain' }
    const running = crypto.randomUUID()
    const finished = crypto.randomUUID()
    const calls = [
      client.generate({ ...request, requestId: running }),
      client.generate({ ...request, requestId: finished }),
    ]
    await vi.waitFor(() => expect(FakeSocket.last?.sent).toHaveLength(2))
    const socket = FakeSocket.last
    if (!socket) throw new Error('no socket')
    // The token travels in the handshake's subprotocols, never in the address.
    expect(socket.url).toBe('ws://127.0.0.1/ws')
    expect(socket.protocols).toEqual(['quire', 'quire.token.token'])
    for (const call of socket.sent)
      socket.answer(call.id, { requestId: (call.params as { requestId: string }).requestId })
    await Promise.all(calls)
    socket.fire('message', {
      data: JSON.stringify({
        kind: 'event',
        event: { type: 'error', requestId: finished, code: 'no-model', message: 'No model.' },
      }),
    })
    socket.fire('close', {})
    expect(events).toEqual([
      { type: 'error', requestId: finished, code: 'no-model', message: 'No model.' },
      {
        type: 'error',
        requestId: running,
        code: 'engine-stopped',
        message: expect.stringContaining('Lost the connection'),
        key: 'connection-lost',
        params: {},
      },
    ])
    vi.useRealTimers()
  })
})

/** A server that is gone, or refuses this tab's token (a restarted `quire serve` has a new one). */
class RefusedSocket extends FakeSocket {
  static made = 0
  static opensFrom = Infinity
  constructor(url: string, protocols: string[] = []) {
    super(url, protocols)
    RefusedSocket.made++
  }
  override fire(type: string, event: { data?: unknown }): void {
    // Every attempt before `opensFrom` closes without opening.
    if (type === 'open' && RefusedSocket.made < RefusedSocket.opensFrom)
      return super.fire('close', event)
    super.fire(type, event)
  }
}

describe('the WebSocket client without a connection', () => {
  it('fails a call that cannot be sent, instead of leaving it (and "Saving…") waiting forever', async () => {
    RefusedSocket.made = 0
    RefusedSocket.opensFrom = Infinity
    vi.stubGlobal('WebSocket', RefusedSocket)
    vi.useFakeTimers({ toFake: ['setTimeout'] })
    const client = createSocketClient('ws://127.0.0.1/ws', 'old-token')
    const saved = client.saveDocument({ path: 'a.md', text: 'words', baseRevision: 'r1' })
    const outcome = saved.then(
      () => 'saved',
      (error: { key?: string }) => error.key,
    )
    await vi.advanceTimersByTimeAsync(60_000)
    expect(await outcome).toBe('connection-lost')
    vi.useRealTimers()
  })

  it('sends a call made during a failed attempt once a later attempt connects', async () => {
    RefusedSocket.made = 0
    RefusedSocket.opensFrom = 3
    vi.stubGlobal('WebSocket', RefusedSocket)
    vi.useFakeTimers({ toFake: ['setTimeout'] })
    const client = createSocketClient('ws://127.0.0.1/ws', 'token')
    const status = client.getStatus()
    await vi.advanceTimersByTimeAsync(2_500)
    const socket = FakeSocket.last
    expect(RefusedSocket.made).toBe(3)
    expect(socket?.sent.map((call) => call.method)).toEqual(['getStatus'])
    vi.useRealTimers()
    void status.catch(() => {})
  })
})
