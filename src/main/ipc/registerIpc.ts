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
 * dispatchCall), calls core, and returns errors as values. Returns a disposer.
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
  for (const method of methodNames) {
    ipcMain.handle(ipcChannel(method), async (event, params: unknown) => {
      if (!isTrustedSender(event, isAppUrl)) return untrusted
      try {
        return { ok: true, value: await dispatchCall(service, method, params) }
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
  const unsubscribe = service.onEvent((event) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, event)
    }
  })
  return () => {
    unsubscribe()
    for (const method of methodNames) ipcMain.removeHandler(ipcChannel(method))
    ipcMain.removeHandler(PICK_MODEL_CHANNEL)
    ipcMain.removeHandler(OPEN_DROPPED_FILE_CHANNEL)
    ipcMain.removeListener(OPEN_PATH_READY_CHANNEL, openPathReady)
  }
}
