import { createProxy, fromErrorPayload, type QuireApi } from '@shared/contract'
import type { QuireBridge } from './bridge'

/** The contract over Electron IPC, through the preload's `window.quire`: the generic proxy on the bridge. */
export function createBridgeClient(bridge: QuireBridge): QuireApi {
  return createProxy({
    call: async (method, input) => {
      const envelope = await bridge[method](input)
      if (!envelope.ok) throw fromErrorPayload(envelope.error)
      return envelope.value
    },
    onEvent: (listener) => bridge.onEvent(listener),
  })
}
