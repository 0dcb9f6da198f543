import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import { IPC_EVENT_CHANNEL, ipcChannel, methodNames } from '@shared/contract/methodNames'
import {
  OPEN_DROPPED_FILE_CHANNEL,
  OPEN_PATH_CHANNEL,
  OPEN_PATH_READY_CHANNEL,
  PASTE_PLAIN_TEXT_CHANNEL,
  PICK_MODEL_CHANNEL,
} from '@shared/contract/hostChannels'

/**
 * `window.quire`: one named function per contract method and nothing else — no raw ipcRenderer,
 * no channel of the page's choosing. Main validates every payload again.
 */
const methods = Object.fromEntries(
  methodNames.map((method) => [
    method,
    (input?: unknown) => ipcRenderer.invoke(ipcChannel(method), input),
  ]),
)

contextBridge.exposeInMainWorld('quire', {
  ...methods,
  onEvent(listener: (event: unknown) => void): () => void {
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload)
    ipcRenderer.on(IPC_EVENT_CHANNEL, forward)
    return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward)
  },
  pickModelFile: (): Promise<string | null> => ipcRenderer.invoke(PICK_MODEL_CHANNEL),
  /** A file dropped on the window: its document path to open, or null when it is not a document. */
  openDroppedFile: (file: File): Promise<string | null> => {
    const path = webUtils.getPathForFile(file)
    return path ? ipcRenderer.invoke(OPEN_DROPPED_FILE_CHANNEL, path) : Promise.resolve(null)
  },
  /** File › Open, Open Recent, or a file opened from the OS: the document path to open. */
  onOpenPath(listener: (path: string) => void): () => void {
    const forward = (_event: IpcRendererEvent, path: unknown): void => {
      if (typeof path === 'string') listener(path)
    }
    ipcRenderer.on(OPEN_PATH_CHANNEL, forward)
    // Files opened before the page was listening (from the OS, at start) come now.
    ipcRenderer.send(OPEN_PATH_READY_CHANNEL)
    return () => ipcRenderer.removeListener(OPEN_PATH_CHANNEL, forward)
  },
  /** Edit › Paste and Match Style / Paste as Plain Text: the clipboard's text to paste plain. */
  onPastePlainText(listener: (text: string) => void): () => void {
    const forward = (_event: IpcRendererEvent, text: unknown): void => {
      if (typeof text === 'string') listener(text)
    }
    ipcRenderer.on(PASTE_PLAIN_TEXT_CHANNEL, forward)
    return () => ipcRenderer.removeListener(PASTE_PLAIN_TEXT_CHANNEL, forward)
  },
})
