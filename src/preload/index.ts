import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { IPC_EVENT_CHANNEL, ipcChannel, methodNames } from '@shared/contract/methodNames'
import { PICK_MODEL_CHANNEL } from '@shared/contract/hostChannels'

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
})
