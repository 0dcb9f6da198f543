// eng-disable AUXCLICK_JS_CHECK -- a middle-click can open a window only through setWindowOpenHandler (security.ts), which denies it
import { BrowserWindow } from 'electron'

/** The editor window, sandboxed: no Node in the page, only the preload's named methods. */
export function createMainWindow(preload: string, url: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1100,
    height: 800,
    minWidth: 560,
    minHeight: 420,
    title: 'Quire',
    show: false,
    backgroundColor: '#fbf9f4',
    webPreferences: {
      preload, // eng-disable PRELOAD_JS_CHECK -- reviewed: sandboxed, exposes the contract's named methods only, never ipcRenderer
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(url)
  return window
}
