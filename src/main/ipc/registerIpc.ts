import {
  BrowserWindow,
  dialog,
  ipcMain,
  type IpcMainEvent,
  type IpcMainInvokeEvent,
  type WebContents,
} from 'electron'
import {
  dispatchCall,
  type ClientConnection,
  IPC_EVENT_CHANNEL,
  ipcChannel,
  methodNames,
  toErrorPayload,
  type QuireService,
} from '@shared/contract'
import {
  OPEN_DROPPED_FILE_CHANNEL,
  OPEN_PATH_READY_CHANNEL,
  PICK_MODEL_CHANNEL,
} from '@shared/contract/hostChannels'

/** Only our own renderer, loaded from our own address, may call the host. */
function isTrustedSender(
  event: IpcMainInvokeEvent | IpcMainEvent,
  isAppUrl: (url: string) => boolean,
): boolean {
  const url = event.senderFrame?.url
  return url !== undefined && isAppUrl(url)
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
export function registerIpc(
  service: QuireService,
  isAppUrl: (url: string) => boolean,
  desktop: {
    /** Allows a file the writer dropped on the window; null when it is not a document. */
    allowDroppedFile(path: string): Promise<string | null>
    /** The page now listens for files to open. */
    openPathReady(contents: WebContents): void
  },
): () => void {
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
      if (!isTrustedSender(event, isAppUrl)) return untrusted
      try {
        return { ok: true, value: await dispatchCall(clientOf(event.sender), method, params) }
      } catch (error) {
        return { ok: false, error: toErrorPayload(error) }
      }
    })
  }
  ipcMain.handle(PICK_MODEL_CHANNEL, async (event) => {
    if (!isTrustedSender(event, isAppUrl)) return null
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
  ipcMain.handle(OPEN_DROPPED_FILE_CHANNEL, async (event, path: unknown) => {
    if (!isTrustedSender(event, isAppUrl)) return null
    if (typeof path !== 'string' || path.length === 0 || path.length > 4_096) return null
    return desktop.allowDroppedFile(path)
  })
  const openPathReady = (event: IpcMainEvent): void => {
    if (isTrustedSender(event, isAppUrl)) desktop.openPathReady(event.sender)
  }
  ipcMain.on(OPEN_PATH_READY_CHANNEL, openPathReady)
  return () => {
    for (const connection of clients.values()) connection.close()
    clients.clear()
    for (const method of methodNames) ipcMain.removeHandler(ipcChannel(method))
    ipcMain.removeHandler(PICK_MODEL_CHANNEL)
    ipcMain.removeHandler(OPEN_DROPPED_FILE_CHANNEL)
    ipcMain.removeListener(OPEN_PATH_READY_CHANNEL, openPathReady)
  }
}
