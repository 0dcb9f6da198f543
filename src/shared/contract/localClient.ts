import { dispatchCall } from './dispatch'
import type { QuireApi, QuireService } from './methods'
import { createProxy } from './proxy'

/**
 * A client for a service in the same process (the CLI): one connection, requests validated
 * exactly as over IPC or WebSocket. `close` ends the connection and cancels its requests.
 */
export function createLocalClient(service: QuireService): QuireApi & { close(): void } {
  const listeners = new Set<(raw: unknown) => void>()
  const connection = service.connect((event) => {
    for (const listener of listeners) listener(event)
  })
  const api = createProxy({
    call: (method, input) => dispatchCall(connection, method, input),
    onEvent: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  })
  return { ...api, close: () => connection.close() }
}
