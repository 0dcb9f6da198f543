import { dispatchCall } from './dispatch'
import { contractMethods, type MethodName, type QuireApi, type QuireService } from './methods'

/** A client for a service in the same process; requests are validated exactly as over IPC or WebSocket. */
export function createLocalClient(service: QuireService): QuireApi {
  const call = (method: MethodName) => (input?: unknown) => dispatchCall(service, method, input)
  const methods = Object.fromEntries(
    Object.keys(contractMethods).map((name) => [name, call(name as MethodName)]),
  )
  return {
    ...(methods as Omit<QuireApi, 'onEvent'>),
    onEvent: (listener) => service.onEvent(listener),
  }
}
