import type { WebSocket } from 'ws'
import {
  dispatchCall,
  toErrorPayload,
  wireCallSchema,
  type QuireService,
  type WireServerMessage,
} from '@shared/contract'

/** Serves the contract to one WebSocket client, one connection of the service; cancels its generations when it goes away. */
export function serveSocket(socket: WebSocket, service: QuireService): void {
  const send = (message: WireServerMessage): void => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message))
  }
  const connection = service.connect((event) => send({ kind: 'event', event }))

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
    dispatchCall(connection, method, params).then(
      (value) => send({ kind: 'result', id, ok: true, value }),
      (error: unknown) => send({ kind: 'result', id, ok: false, error: toErrorPayload(error) }),
    )
  })

  // A frame `ws` refuses (over maxPayload, invalid UTF-8, a protocol error) is reported here and
  // `ws` closes this socket alone (1009, 1007, …); without a listener the 'error' event would end
  // the whole server.
  socket.on('error', (error) => {
    console.error(`quire serve: closed a connection after a bad frame: ${error.message}`)
  })
  socket.on('close', () => connection.close())
}
