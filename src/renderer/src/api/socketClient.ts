import {
  contractMethods,
  fromErrorPayload,
  parseOutput,
  QuireError,
  wireServerMessageSchema,
  type EventListener,
  type MethodName,
  type QuireApi,
  type WireCall,
} from '@shared/contract'
import { MAX_WIRE_BYTES } from '@shared/documents'

type Pending = {
  method: MethodName
  resolve: (value: unknown) => void
  reject: (error: Error) => void
}

const RECONNECT_MS = 1_000

/** UTF-8 size of a message, measured only when it could be near the limit (15 MB drafts). */
function tooLarge(json: string): boolean {
  if (json.length * 3 <= MAX_WIRE_BYTES) return false
  return new TextEncoder().encode(json).length > MAX_WIRE_BYTES
}

/**
 * The contract over WebSocket, for the browser mode (`quire serve`). Reconnects when the server
 * restarts; calls made while disconnected wait for the connection.
 */
export function createSocketClient(url: string): QuireApi {
  const listeners = new Set<EventListener>()
  const pending = new Map<number, Pending>()
  let nextId = 1
  let socket: WebSocket
  let opened: Promise<WebSocket>

  const connect = (): void => {
    socket = new WebSocket(url)
    const current = socket
    opened = new Promise((resolve) =>
      current.addEventListener('open', () => resolve(current), { once: true }),
    )
    current.addEventListener('message', (message) => {
      const parsed = wireServerMessageSchema.safeParse(JSON.parse(String(message.data)))
      if (!parsed.success) return
      const data = parsed.data
      if (data.kind === 'event') {
        for (const listener of listeners) listener(data.event)
        return
      }
      const call = pending.get(data.id)
      if (!call) return
      pending.delete(data.id)
      if (!data.ok) return call.reject(fromErrorPayload(data.error))
      try {
        call.resolve(parseOutput(call.method, data.value))
      } catch (error) {
        call.reject(error as Error)
      }
    })
    current.addEventListener('close', () => {
      for (const [id, call] of pending) {
        pending.delete(id)
        call.reject(
          new QuireError(
            'engine-stopped',
            'Lost the connection to Quire. Is `quire serve` still running?',
          ),
        )
      }
      setTimeout(connect, RECONNECT_MS)
    })
  }
  connect()

  const call = (method: MethodName) => async (params?: unknown) => {
    const ready = await opened
    const id = nextId++
    const message: WireCall = { kind: 'call', id, method, params }
    const json = JSON.stringify(message)
    // The server would close the connection on a message past its limit: refuse it here, whole.
    if (tooLarge(json))
      throw new QuireError(
        'document-too-large',
        `This is more than Quire can send at once (${Math.round(MAX_WIRE_BYTES / 1024 / 1024)} MB).`,
      )
    return new Promise<unknown>((resolve, reject) => {
      pending.set(id, { method, resolve, reject })
      ready.send(json)
    })
  }
  const methods = Object.fromEntries(
    Object.keys(contractMethods).map((name) => [name, call(name as MethodName)]),
  )
  return {
    ...(methods as Omit<QuireApi, 'onEvent'>),
    onEvent: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
