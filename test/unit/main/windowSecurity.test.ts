import { beforeEach, describe, expect, it, vi } from 'vitest'

type Listener = (...args: unknown[]) => void
type PermissionRequest = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: unknown,
) => void
type ProtocolHandler = (request: Request) => Promise<Response>
const appListeners = new Map<string, Listener>()
const opened: string[] = []
const loaded: string[] = []
let windowOptions: Record<string, unknown> | null = null
/** What the app registered with Electron: permission handlers, schemes, the quire:// handler. */
const registered: {
  permissionRequest?: PermissionRequest
  permissionCheck?: (...args: unknown[]) => boolean
  schemes?: unknown
  protocol?: ProtocolHandler
  fetched: string[]
} = { fetched: [] }

vi.mock('electron', () => ({
  app: { on: (name: string, listener: Listener) => void appListeners.set(name, listener) },
  shell: { openExternal: (url: string) => void opened.push(url) },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (handler: PermissionRequest) =>
        void (registered.permissionRequest = handler),
      setPermissionCheckHandler: (handler: (...args: unknown[]) => boolean) =>
        void (registered.permissionCheck = handler),
    },
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown) => void (registered.schemes = schemes),
    handle: (_scheme: string, handler: ProtocolHandler) => void (registered.protocol = handler),
  },
  net: {
    fetch: (url: string) => {
      registered.fetched.push(url)
      return Promise.resolve(
        new Response('<p>page</p>', { headers: { 'Content-Type': 'text/html' } }),
      )
    },
  },
  BrowserWindow: class {
    constructor(options: Record<string, unknown>) {
      windowOptions = options
    }
    once() {}
    loadURL(url: string) {
      loaded.push(url)
      return Promise.resolve()
    }
  },
}))

const { createMainWindow } = await import('../../../src/main/window/createMainWindow')
const { denyPermissions, lockDownContents } = await import('../../../src/main/window/security')
const { isAppUrl } = await import('../../../src/main/window/appUrl')
const { registerAppScheme, serveRenderer } = await import('../../../src/main/window/appProtocol')

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
    expect(loaded.at(-1)).toBe('quire://app/index.html')
  })

  it('turns on nothing that loosens Electron’s defaults', () => {
    createMainWindow('/app/preload.cjs', 'quire://app/index.html')
    const preferences = windowOptions?.webPreferences as Record<string, unknown>
    for (const loosening of [
      'nodeIntegrationInWorker',
      'nodeIntegrationInSubFrames',
      'allowRunningInsecureContent',
      'webviewTag',
      'experimentalFeatures',
      'enableBlinkFeatures',
      'navigateOnDragDrop',
    ])
      expect(preferences[loosening], loosening).toBeFalsy()
  })
})

describe('what a page may ask for', () => {
  it('is refused every permission, asked or checked', () => {
    denyPermissions()
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fileSystem',
      'hid',
      'serial',
      'usb',
    ]) {
      const callback = vi.fn()
      registered.permissionRequest?.({}, permission, callback, {})
      expect(callback, permission).toHaveBeenCalledExactlyOnceWith(false)
      expect(registered.permissionCheck?.({}, permission, 'quire://app', {})).toBe(false)
    }
  })
})

describe('the quire:// scheme', () => {
  beforeEach(() => {
    registered.fetched.length = 0
    registerAppScheme()
    serveRenderer('/app/out/renderer')
  })

  it('is standard and secure, so the page has a real origin', () => {
    expect(registered.schemes).toEqual([
      expect.objectContaining({
        scheme: 'quire',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ])
  })

  it('serves the renderer’s files with the security headers, the CSP first', async () => {
    const response = await registered.protocol!(new Request('quire://app/index.html'))
    expect(registered.fetched).toEqual(['file:///app/out/renderer/index.html'])
    expect(response.headers.get('Content-Security-Policy')).toContain("script-src 'self'")
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(response.headers.get('Referrer-Policy')).toBe('no-referrer')
  })

  it('never reads a file outside the renderer’s folder, however the path is spelled', async () => {
    for (const url of [
      'quire://app/..%2f..%2fetc%2fpasswd',
      'quire://app/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret',
      'quire://app/%2e%2e/%2e%2e/etc/passwd',
      'quire://app/..\\..\\etc\\passwd',
      'quire://app/%2fetc%2fpasswd',
    ]) {
      const response = await registered.protocol!(new Request(url))
      const read = registered.fetched.splice(0)
      expect(response.status === 404 || read.length === 1, url).toBe(true)
      for (const file of read) expect(file, url).toMatch(/^file:\/\/\/app\/out\/renderer\//)
    }
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
    for (const url of ['javascript:alert(1)', 'mailto:a@b.c', 'smb://host/share', 'ms-msdt:/id'])
      expect(page.open(url)).toEqual({ action: 'deny' })
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
