import type { QuireApi } from '@shared/contract'
import { createBridgeClient } from './bridgeClient'
import { createSocketClient } from './socketClient'

export type HostApi = {
  api: QuireApi
  /** The native model file dialog, when the host has one (Electron). */
  pickModelFile: (() => Promise<string | null>) | null
  /** Files the desktop app asks to open (menu, recent files, drag and drop); null in a browser. */
  files: DesktopFiles | null
}

/** The desktop app's ways of opening a document from anywhere on disk. */
export type DesktopFiles = {
  openDroppedFile(file: File): Promise<string | null>
  onOpenPath(listener: (path: string) => void): () => void
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
  if (bridge) {
    const { openDroppedFile, onOpenPath } = bridge
    return {
      api: createBridgeClient(bridge),
      pickModelFile: () => bridge.pickModelFile(),
      files:
        openDroppedFile && onOpenPath
          ? { openDroppedFile: (file) => openDroppedFile(file), onOpenPath: (l) => onOpenPath(l) }
          : null,
    }
  }
  return { api: createSocketClient(socketUrl()), pickModelFile: null, files: null }
}
