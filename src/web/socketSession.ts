import type { WebSocket } from 'ws'
import {
  dispatchCall,
  toErrorPayload,
  wireCallSchema,
  type QuireService,
  type WireServerMessage,
} from '@shared/contract'

/** Serves the contract to one WebSocket client; cancels its generations when it goes away. */
export function serveSocket(socket: WebSocket, service: QuireService): void {
  const ownRequests = new Set<string>()
  const send = (message: WireServerMessage): void => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message))
  }
  const unsubscribe = service.onEvent((event) => {
    if (event.type === 'done' || event.type === 'error') ownRequests.delete(event.requestId)
    send({ kind: 'event', event })
  })

  socket.on('message', (data) => {
    let raw: unknown
    try {
      raw = JSON.parse(data.toString())
    } catch {
      return socket.close(1003, 'Messages must be JSON.')
    }
    const call = wireCallSchema.safeParse(raw)
    if (!call.success) return socket.close(1003, 'Malformed call.')
    const { id, method, params } = call.data
    dispatchCall(service, method, params).then(
      (value) => {
        if (method === 'generate') ownRequests.add((value as { requestId: string }).requestId)
        send({ kind: 'result', id, ok: true, value })
      },
      (error: unknown) => send({ kind: 'result', id, ok: false, error: toErrorPayload(error) }),
    )
  })

  socket.on('close', () => {
    unsubscribe()
    for (const requestId of ownRequests) void service.cancel({ requestId })
  })
}
