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

describe("the WebSocket client's connection state", () => {
  it('says the connection is lost when the socket closes, and back when it reopens', async () => {
    RefusedSocket.made = 0
    RefusedSocket.opensFrom = 1
    vi.stubGlobal('WebSocket', RefusedSocket)
    vi.useFakeTimers({ toFake: ['setTimeout'] })
    const states: string[] = []
    const client = createSocketClient('ws://127.0.0.1/ws', 'token', {
      onConnection: (state) => states.push(state),
      checkToken: async () => 'unknown',
    })
    await vi.advanceTimersByTimeAsync(0)
    expect(states).toEqual(['connected'])
    // The server goes away; the next attempt fails, the one after it gets through.
    RefusedSocket.opensFrom = 3
    FakeSocket.last?.fire('close', {})
    expect(states).toEqual(['connected', 'lost'])
    await vi.advanceTimersByTimeAsync(2_500)
    expect(RefusedSocket.made).toBe(3)
    expect(states).toEqual(['connected', 'lost', 'connected'])
    const status = client.getStatus()
    await vi.waitFor(() =>
      expect(FakeSocket.last?.sent.map((c) => c.method)).toEqual(['getStatus']),
    )
    vi.useRealTimers()
    void status.catch(() => {})
  })

  it('stops trying once the server refuses the token, and fails every call at once saying why', async () => {
    RefusedSocket.made = 0
    RefusedSocket.opensFrom = 1
    vi.stubGlobal('WebSocket', RefusedSocket)
    vi.useFakeTimers({ toFake: ['setTimeout'] })
    const states: string[] = []
    let verdict: 'unknown' | 'refused' = 'unknown'
    const client = createSocketClient('ws://127.0.0.1/ws', 'old-token', {
      onConnection: (state) => states.push(state),
      checkToken: async () => verdict,
    })
    await vi.advanceTimersByTimeAsync(0)
    // quire serve stops: a save waits for it to come back.
    RefusedSocket.opensFrom = Infinity
    FakeSocket.last?.fire('close', {})
    const key = (error: { key?: string }) => error.key
    const saved = client
      .saveDocument({ path: 'a.md', text: 'words', baseRevision: 'r1' })
      .then(() => 'saved', key)
    await vi.advanceTimersByTimeAsync(1_500)
    // It comes back with a new token: this tab's is refused.
    verdict = 'refused'
    await vi.advanceTimersByTimeAsync(1_500)
    const made = RefusedSocket.made
    expect(states).toEqual(['connected', 'lost', 'old-token'])
    expect(await saved).toBe('page-from-old-run')
    expect(await client.getStatus().then(() => 'answered', key)).toBe('page-from-old-run')
    await vi.advanceTimersByTimeAsync(10_000)
    expect(RefusedSocket.made).toBe(made)
    vi.useRealTimers()
  })
})
