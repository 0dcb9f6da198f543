import type { QuireApi } from '@shared/contract'
import { createBridgeClient } from './bridgeClient'
import { createSocketClient } from './socketClient'

export type HostApi = {
  api: QuireApi
  /** The native model file dialog, when the host has one (Electron). */
  pickModelFile: (() => Promise<string | null>) | null
}

/** The token `quire serve` put in the address; kept in a cookie, so it is dropped from the bar. */
function socketUrl(): string {
  const page = new URL(window.location.href)
  const token = page.searchParams.get('token')
  if (token) {
    page.searchParams.delete('token')
    window.history.replaceState(null, '', page.toString())
  }
  const protocol = page.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${protocol}//${page.host}/ws${token ? `?token=${encodeURIComponent(token)}` : ''}`
}

/** Picks the transport: the preload bridge in Electron, the WebSocket client in a browser. */
export function connectToHost(): HostApi {
  const bridge = window.quire
  if (bridge)
    return { api: createBridgeClient(bridge), pickModelFile: () => bridge.pickModelFile() }
  return { api: createSocketClient(socketUrl()), pickModelFile: null }
}
