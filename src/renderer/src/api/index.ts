import type { QuireApi } from '@shared/contract'
import { createBridgeClient } from './bridgeClient'
import { checkToken, forgetPageToken, takeFragmentToken, takePageToken } from './pageToken'
import { createSocketClient, type ConnectionState } from './socketClient'

export type { ConnectionState } from './socketClient'

/** This tab's connection to `quire serve`, as it is now and as it changes. */
export type ConnectionWatch = {
  current(): ConnectionState
  subscribe(listener: (state: ConnectionState) => void): () => void
}

export type HostApi = {
  api: QuireApi
  /** The native model file dialog, when the host has one (Electron). */
  pickModelFile: (() => Promise<string | null>) | null
  /** Files the desktop app asks to open (menu, recent files, drag and drop); null in a browser. */
  files: DesktopFiles | null
  /** The desktop Edit menu's plain paste, as the clipboard's text; null in a browser. */
  onMenuPlainPaste: MenuPlainPaste | null
  /** The browser tab's connection to `quire serve`; null in the desktop app, whose host is always there. */
  connection: ConnectionWatch | null
}

/** Listens for the Edit menu's plain paste; returns the way to stop listening. */
export type MenuPlainPaste = (listener: (text: string) => void) => () => void

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

/** Why a browser page cannot reach Quire: no token in its address, or one from an earlier run. */
export type MissingToken = 'no-token' | 'old-token'

/** The host to talk to, or why there is none. */
export type Connection = { host: HostApi } | { missing: MissingToken }

/**
 * Picks the transport: the preload bridge in Electron, the WebSocket client in a browser. In a
 * browser page opened without `quire serve`'s token, or with one from an earlier run (the tab
 * was reloaded after a restart), nothing can be done but open the printed address. Call it
 * before anything else loads: the token leaves the address before its first await.
 */
export async function connectToHost(): Promise<Connection> {
  const bridge = window.quire
  if (bridge) {
    const { openDroppedFile, onOpenPath } = bridge
    const files =
      openDroppedFile && onOpenPath
        ? {
            openDroppedFile: (file: File) => openDroppedFile(file),
            onOpenPath: (listener: (path: string) => void) => onOpenPath(listener),
          }
        : null
    return {
      host: {
        api: createBridgeClient(bridge),
        pickModelFile: () => bridge.pickModelFile(),
        files,
        onMenuPlainPaste: bridge.onPastePlainText
          ? (listener: (text: string) => void) => bridge.onPastePlainText?.(listener) ?? (() => {})
          : null,
        connection: null,
      },
    }
  }
  // The printed address pasted into a tab already showing Quire changes only the fragment, which
  // does not load the page again: load it with the new token (a restarted quire serve, say).
  window.addEventListener('hashchange', () => {
    if (takeFragmentToken() !== null) window.location.reload()
  })
  const token = takePageToken()
  if (token === null) return { missing: 'no-token' }
  if ((await checkToken(token)) === 'refused') {
    forgetPageToken()
    return { missing: 'old-token' }
  }
  const connection = watchConnection()
  return {
    host: {
      api: createSocketClient(socketUrl(), token, {
        onConnection: connection.set,
        checkToken: () => checkToken(token),
      }),
      pickModelFile: null,
      files: null,
      onMenuPlainPaste: null,
      connection,
    },
  }
}

/** A connection state that React can subscribe to; 'connected' until the socket says otherwise. */
function watchConnection(): ConnectionWatch & { set(state: ConnectionState): void } {
  let state: ConnectionState = 'connected'
  const listeners = new Set<(state: ConnectionState) => void>()
  return {
    current: () => state,
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    set: (next) => {
      state = next
      for (const listener of listeners) listener(next)
    },
  }
}
