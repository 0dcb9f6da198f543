import {
  createProxy,
  fromErrorPayload,
  QuireError,
  parseServerMessage,
  type QuireApi,
  type WireCall,
} from '@shared/contract'
import { SOCKET_PROTOCOL, SOCKET_TOKEN_PREFIX } from '@shared/contract/socketProtocol'
import { MAX_WIRE_BYTES } from '@shared/documents'

type Pending = {
  resolve: (value: unknown) => void
  reject: (error: Error) => void
}

const RECONNECT_MS = 1_000

/** Whether this tab can reach `quire serve`: connected, lost (it may come back), or shut out for good by a restarted server's new token. */
export type ConnectionState = 'connected' | 'lost' | 'old-token'

type Options = {
  /** Told each change of the connection's state. */
  onConnection?: (state: ConnectionState) => void
  /** Asks the server whether this tab's token is still this run's (see pageToken.ts). */
  checkToken?: () => Promise<'accepted' | 'refused' | 'unknown'>
}
/**
 * How long a call waits for a lost connection to come back before it fails. A restarted
 * `quire serve` has a new token, so this tab may never get back in: its saves must say so
 * rather than wait (and show "Saving…") forever.
 */
export const CONNECT_WAIT_MS = 15_000

/** UTF-8 size of a message, measured only when it could be near the limit (15 MB drafts). */
function tooLarge(json: string): boolean {
  if (json.length * 3 <= MAX_WIRE_BYTES) return false
  return new TextEncoder().encode(json).length > MAX_WIRE_BYTES
}

/**
 * The contract over WebSocket, for the browser mode (`quire serve`): the generic proxy on a
 * socket. Reconnects when the connection drops; calls made while disconnected wait for it, for
 * up to CONNECT_WAIT_MS. The token travels in the handshake as a subprotocol, never in the URL.
 * A server that refuses the token (restarted, with a new one) ends the reconnecting: every call
 * then fails at once, saying the page is from an earlier run.
 */
export function createSocketClient(url: string, token: string, options: Options = {}): QuireApi {
  const listeners = new Set<(raw: unknown) => void>()
  const pending = new Map<number, Pending>()
  /** Generation requests not yet ended: the server cancels them when the socket closes. */
  const running = new Set<string>()
  const lost = () =>
    new QuireError(
      'engine-stopped',
      'Lost the connection to Quire. Is `quire serve` still running?',
      'connection-lost',
    )
  const oldRun = () =>
    new QuireError(
      'engine-stopped',
      "This tab's access token is from an earlier run of quire serve. Open Quire from the address quire serve printed.",
      'page-from-old-run',
    )
  let state: ConnectionState | null = null
  const become = (next: ConnectionState): void => {
    if (state === next) return
    state = next
    options.onConnection?.(next)
  }
  const emit = (event: unknown) => {
    for (const listener of listeners) listener(event)
  }
  let nextId = 1
  /** The socket while it is open; null between a close and the next successful attempt. */
  let ready: WebSocket | null = null
  /** Calls waiting for a socket, each with how to fail it: any later attempt that opens serves them, not just the current one. */
  const waiting = new Map<(socket: WebSocket) => void, (error: Error) => void>()

  const connected = (): Promise<WebSocket> => {
    if (ready) return Promise.resolve(ready)
    if (state === 'old-token') return Promise.reject(oldRun())
    return new Promise((resolve, reject) => {
      const take = (socket: WebSocket): void => {
        clearTimeout(timer)
        resolve(socket)
      }
      const fail = (error: Error): void => {
        clearTimeout(timer)
        reject(error)
      }
      const timer = setTimeout(() => {
        waiting.delete(take)
        reject(lost())
      }, CONNECT_WAIT_MS)
      waiting.set(take, fail)
    })
  }

  const connect = (): void => {
    const current = new WebSocket(url, [SOCKET_PROTOCOL, `${SOCKET_TOKEN_PREFIX}${token}`])
    current.addEventListener(
      'open',
      () => {
        ready = current
        become('connected')
        for (const take of waiting.keys()) take(current)
        waiting.clear()
      },
      { once: true },
    )
    current.addEventListener('message', (message) => {
      const parsed = parseServerMessage(JSON.parse(String(message.data)))
      if (!parsed.success) return
      const data = parsed.data
      if (data.kind === 'event') {
        const event = data.event
        if (event.type === 'done' || event.type === 'error') running.delete(event.requestId)
        emit(event)
        return
      }
      const call = pending.get(data.id)
      if (!call) return
      pending.delete(data.id)
      if (!data.ok) return call.reject(fromErrorPayload(data.error))
      call.resolve(data.value)
    })
    current.addEventListener('close', () => {
      if (ready === current) ready = null
      for (const [id, call] of pending) {
        pending.delete(id)
        call.reject(lost())
      }
      // The server stopped this connection's requests: end each one for whoever follows it.
      for (const requestId of running) {
        emit({ type: 'error', requestId, ...lost().toPayload() })
      }
      running.clear()
      become('lost')
      void afterClose()
    })
  }
  /** Tries again in a moment, unless the server says this tab's token is no longer its own. */
  const afterClose = async (): Promise<void> => {
    const verdict = options.checkToken ? await options.checkToken() : 'unknown'
    if (verdict !== 'refused') {
      setTimeout(connect, RECONNECT_MS)
      return
    }
    become('old-token')
    for (const fail of waiting.values()) fail(oldRun())
    waiting.clear()
  }
  connect()

  return createProxy({
    call: async (method, params) => {
      const requestId =
        method === 'generate' ? (params as { requestId?: unknown } | undefined)?.requestId : null
      if (typeof requestId === 'string') running.add(requestId)
      const socket = await connected().catch((error: unknown) => {
        if (typeof requestId === 'string') running.delete(requestId)
        throw error
      })
      const id = nextId++
      const message: WireCall = { kind: 'call', id, method, params }
      const json = JSON.stringify(message)
      // The server would close the connection on a message past its limit: refuse it here, whole.
      if (tooLarge(json)) {
        if (typeof requestId === 'string') running.delete(requestId)
        throw new QuireError(
          'document-too-large',
          `This is more than Quire can send at once (${Math.round(MAX_WIRE_BYTES / 1024 / 1024)} MB).`,
          'too-large-to-send',
          { megabytes: Math.round(MAX_WIRE_BYTES / 1024 / 1024) },
        )
      }
      const answer = new Promise<unknown>((resolve, reject) => {
        pending.set(id, { resolve, reject })
        socket.send(json)
      })
      // A refused request never ran: nothing to end for it later.
      if (typeof requestId === 'string') answer.catch(() => running.delete(requestId))
      return answer
    },
    onEvent: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  })
}
