import { utilityProcess, type UtilityProcess } from 'electron'
import { isRelayMessage, relayRequestSchema, type RelayEvent } from '@core/engine/forkRelayProtocol'

/**
 * The one script the engine may have started for it: node-llama-cpp's test of a llama.cpp binary
 * (a compromised engine gains nothing, but the relay stays as narrow as its one use).
 */
const BINDING_TEST = /node-llama-cpp[\\/]dist[\\/]bindings[\\/]utils[\\/]testBindingBinary\.js$/

/**
 * Starts, as utility processes, the children the engine cannot start itself (see
 * forkRelayProtocol.ts), and passes their messages and exit codes back to it.
 */
export function forkRelayHost(toEngine: (event: RelayEvent) => void): {
  /** Takes a message from the engine; false when it is not the relay's. */
  handle(message: unknown): boolean
  /** The engine is gone: so are the children it asked for. */
  dispose(): void
} {
  const children = new Map<number, UtilityProcess>()
  return {
    handle(message) {
      if (!isRelayMessage(message)) return false
      const parsed = relayRequestSchema.safeParse(message)
      if (!parsed.success) return true
      const request = parsed.data
      if (request.type === 'relay-send') children.get(request.id)?.postMessage(request.message)
      else if (request.type === 'relay-kill') children.get(request.id)?.kill()
      else if (!BINDING_TEST.test(request.modulePath))
        toEngine({ type: 'relay-exit', id: request.id, code: 1 })
      else {
        const child = utilityProcess.fork(request.modulePath, request.args, {
          env: request.env,
          stdio: 'ignore',
          serviceName: 'Quire binary check',
        })
        children.set(request.id, child)
        child.on('message', (data: unknown) =>
          toEngine({ type: 'relay-message', id: request.id, message: data }),
        )
        child.once('exit', (code: number) => {
          children.delete(request.id)
          toEngine({ type: 'relay-exit', id: request.id, code })
        })
      }
      return true
    },
    dispose() {
      for (const child of children.values()) child.kill()
      children.clear()
    },
  }
}
