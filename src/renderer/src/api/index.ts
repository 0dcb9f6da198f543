import type { QuireApi } from '@shared/contract'
import { createBridgeClient } from './bridgeClient'
import { takeFragmentToken, takePageToken } from './pageToken'
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

/** The contract's WebSocket on the server that served this page. */
function socketUrl(): string {
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${protocol}//${window.location.host}/ws`
}

/**
 * Picks the transport: the preload bridge in Electron, the WebSocket client in a browser. Null
 * in a browser page opened without `quire serve`'s token: nothing can be done there but open
 * the printed address. Call it before anything else loads, so the token leaves the address first.
 */
export function connectToHost(): HostApi | null {
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
  // The printed address pasted into a tab already showing Quire changes only the fragment, which
  // does not load the page again: load it with the new token (a restarted quire serve, say).
  window.addEventListener('hashchange', () => {
    if (takeFragmentToken() !== null) window.location.reload()
  })
  const token = takePageToken()
  if (token === null) return null
  return { api: createSocketClient(socketUrl(), token), pickModelFile: null, files: null }
}
