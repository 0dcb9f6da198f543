import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import {
  dispatchCall,
  type ClientConnection,
  IPC_EVENT_CHANNEL,
  ipcChannel,
  methodNames,
  toErrorPayload,
  type QuireService,
} from '@shared/contract'
import { PICK_MODEL_CHANNEL } from '@shared/contract/hostChannels'

/** Only our own renderer, loaded from our own origin, may call the host. */
function isTrustedSender(event: IpcMainInvokeEvent, trustedOrigins: readonly string[]): boolean {
  const url = event.senderFrame?.url
  if (!url) return false
  try {
    return trustedOrigins.includes(new URL(url).origin)
  } catch {
    return false
  }
}

const untrusted = {
  ok: false,
  error: { code: 'unauthorized', message: 'This page may not call Quire.' },
} as const

/**
 * The only place that touches ipcMain: checks the sender, validates the payload (in
 * dispatchCall), calls core, and returns errors as values. Each window is one client of the
 * service: its requests' events go to it alone, and closing it cancels them. Returns a disposer.
 */
export function registerIpc(service: QuireService, trustedOrigins: readonly string[]): () => void {
  const clients = new Map<number, ClientConnection>()
  const drop = (id: number) => {
    clients.get(id)?.close()
    clients.delete(id)
  }
  const watched = new WeakSet<WebContents>()
  const clientOf = (contents: WebContents): ClientConnection => {
    const known = clients.get(contents.id)
    if (known) return known
    const connection = service.connect((event) => {
      if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, event)
    })
    clients.set(contents.id, connection)
    if (!watched.has(contents)) {
      watched.add(contents)
      const id = contents.id
      contents.once('destroyed', () => drop(id))
      // A reload is a new page: the old page's requests stop, and its next call connects afresh.
      contents.on('did-start-navigation', (details) => {
        if (details.isMainFrame && !details.isSameDocument) drop(id)
      })
    }
    return connection
  }
  for (const method of methodNames) {
    ipcMain.handle(ipcChannel(method), async (event, params: unknown) => {
      if (!isTrustedSender(event, trustedOrigins)) return untrusted
      try {
        return { ok: true, value: await dispatchCall(clientOf(event.sender), method, params) }
      } catch (error) {
        return { ok: false, error: toErrorPayload(error) }
      }
    })
  }
  ipcMain.handle(PICK_MODEL_CHANNEL, async (event) => {
    if (!isTrustedSender(event, trustedOrigins)) return null
    const window = BrowserWindow.fromWebContents(event.sender)
    const options = {
      title: 'Choose a GGUF model',
      properties: ['openFile' as const],
      filters: [{ name: 'GGUF models', extensions: ['gguf'] }],
    }
    const result = window
      ? await dialog.showOpenDialog(window, options)
      : await dialog.showOpenDialog(options)
    return result.canceled ? null : (result.filePaths[0] ?? null)
  })
  return () => {
    for (const connection of clients.values()) connection.close()
    clients.clear()
    for (const method of methodNames) ipcMain.removeHandler(ipcChannel(method))
    ipcMain.removeHandler(PICK_MODEL_CHANNEL)
  }
}
