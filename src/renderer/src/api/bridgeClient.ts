import {
  contractMethods,
  fromErrorPayload,
  parseOutput,
  quireEventSchema,
  type MethodName,
  type QuireApi,
} from '@shared/contract'
import type { QuireBridge } from './bridge'

/** The contract over Electron IPC, through the preload's `window.quire`. */
export function createBridgeClient(bridge: QuireBridge): QuireApi {
  const call = (method: MethodName) => async (input?: unknown) => {
    const envelope = await bridge[method](input)
    if (!envelope.ok) throw fromErrorPayload(envelope.error)
    return parseOutput(method, envelope.value)
  }
  const methods = Object.fromEntries(
    Object.keys(contractMethods).map((name) => [name, call(name as MethodName)]),
  )
  return {
    ...(methods as Omit<QuireApi, 'onEvent'>),
    onEvent: (listener) =>
      bridge.onEvent((raw) => {
        const parsed = quireEventSchema.safeParse(raw)
        if (parsed.success) listener(parsed.data)
      }),
  }
}
