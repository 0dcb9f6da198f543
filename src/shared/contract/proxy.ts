import { parseOutput } from './dispatch'
import {
  contractMethods,
  type EventListener,
  type MethodName,
  type QuireApi,
  type Unsubscribe,
} from './methods'
import { parseQuireEvent } from './deltaFastPath'

/** How a client reaches its host, whatever carries it (a local service, Electron IPC, a WebSocket). */
export type Transport = {
  /** Sends one call; resolves with the raw answer, rejects with a QuireError. */
  call(method: MethodName, input: unknown): Promise<unknown>
  /** Every raw event the host sends this client. */
  onEvent(listener: (raw: unknown) => void): Unsubscribe
}

/**
 * The contract's client API over a transport: one method per entry of the method table, each
 * answer checked against its schema and each event against the event schema, so a
 * misbehaving host is caught at the boundary. Every client (local, bridge, WebSocket) is this.
 */
export function createProxy(transport: Transport): QuireApi {
  const methods = Object.fromEntries(
    (Object.keys(contractMethods) as MethodName[]).map((method) => [
      method,
      async (input?: unknown) => parseOutput(method, await transport.call(method, input)),
    ]),
  ) as Omit<QuireApi, 'onEvent'>
  return {
    ...methods,
    onEvent: (listener: EventListener) =>
      transport.onEvent((raw) => {
        const parsed = parseQuireEvent(raw)
        if (parsed.success) listener(parsed.data)
        else console.error('quire: ignored a malformed event from the host', parsed.error.message)
      }),
  }
}
