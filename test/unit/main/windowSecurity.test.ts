import { beforeEach, describe, expect, it, vi } from 'vitest'

type Listener = (...args: unknown[]) => void
const appListeners = new Map<string, Listener>()
const opened: string[] = []
let windowOptions: Record<string, unknown> | null = null

vi.mock('electron', () => ({
  app: { on: (name: string, listener: Listener) => void appListeners.set(name, listener) },
  shell: { openExternal: (url: string) => void opened.push(url) },
  session: {},
  BrowserWindow: class {
    constructor(options: Record<string, unknown>) {
      windowOptions = options
    }
    once() {}
    loadURL() {
      return Promise.resolve()
    }
  },
}))

const { createMainWindow } = await import('../../../src/main/window/createMainWindow')
const { lockDownContents } = await import('../../../src/main/window/security')
const { isAppUrl } = await import('../../../src/main/window/appUrl')

/** A page's webContents as lockDownContents sees it: its handlers, callable by hand. */
function fakeContents() {
  const handlers = new Map<string, Listener>()
  let openHandler: (details: { url: string }) => { action: string } = () => ({ action: 'allow' })
  return {
    contents: {
      setWindowOpenHandler: (handler: typeof openHandler) => void (openHandler = handler),
      on: (name: string, listener: Listener) => void handlers.set(name, listener),
    },
    open: (url: string) => openHandler({ url }),
    /** True when the page's attempt to go to `url` was stopped. */
    prevented: (event: string, url?: string) => {
      const preventDefault = vi.fn()
      handlers.get(event)?.({ preventDefault }, url)
      return preventDefault.mock.calls.length > 0
    },
  }
}

describe('the editor window', () => {
  it('runs its page sandboxed, isolated and without Node', () => {
    createMainWindow('/app/preload.cjs', 'quire://app/index.html')
    expect(windowOptions?.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
    })
  })
})

describe('what a page may open and where it may go', () => {
  let page: ReturnType<typeof fakeContents>
  beforeEach(() => {
    opened.length = 0
    lockDownContents((url) => isAppUrl(url, 'quire://app/index.html'))
    page = fakeContents()
    appListeners.get('web-contents-created')?.({}, page.contents)
  })

  it('opens no window, and hands only web links to the browser', () => {
    expect(page.open('https://example.com/')).toEqual({ action: 'deny' })
    expect(page.open('file:///etc/passwd')).toEqual({ action: 'deny' })
    expect(page.open('quire://app/index.html')).toEqual({ action: 'deny' })
    expect(opened).toEqual(['https://example.com/'])
  })

  it('stays on the app’s own pages', () => {
    expect(page.prevented('will-navigate', 'quire://app/index.html')).toBe(false)
    for (const url of [
      'https://example.com/',
      'file:///tmp/x.html',
      'data:text/html,x',
      'quire://evil/',
    ])
      expect(page.prevented('will-navigate', url)).toBe(true)
    expect(page.prevented('will-redirect', 'https://example.com/')).toBe(true)
    expect(page.prevented('will-attach-webview')).toBe(true)
  })
})
