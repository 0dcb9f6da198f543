import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ipcChannel, type QuireService } from '@shared/contract'
import { settingsSchema } from '@shared/settings/schema'
import { OPEN_DROPPED_FILE_CHANNEL } from '@shared/contract/hostChannels'

/** ipcMain as registerIpc sees it: the handlers it registers, callable with a made-up sender. */
const handlers = new Map<string, (event: unknown, params?: unknown) => Promise<unknown>>()
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, params?: unknown) => Promise<unknown>) =>
      void handlers.set(channel, handler),
    removeHandler: (channel: string) => void handlers.delete(channel),
    on: () => undefined,
    removeListener: () => undefined,
  },
  BrowserWindow: { getAllWindows: () => [], fromWebContents: () => null },
  dialog: { showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }) },
}))

const { registerIpc } = await import('../../../src/main/ipc/registerIpc')
const { isAppUrl } = await import('../../../src/main/window/appUrl')

const APP_URL = 'quire://app/index.html'
const service = {
  connect: () => ({
    getSettings: () => Promise.resolve(settingsSchema.parse({})),
    close: () => undefined,
  }),
} as unknown as QuireService

/** A window's webContents as registerIpc uses it: an id, lifecycle listeners, a send. */
const sender = { id: 1, once: () => undefined, on: () => undefined, isDestroyed: () => false }
const callFrom = (url: string) =>
  handlers.get(ipcChannel('getSettings'))?.({ senderFrame: { url }, sender }, undefined)

describe('registerIpc', () => {
  beforeEach(() => {
    handlers.clear()
    registerIpc(service, (url) => isAppUrl(url, APP_URL), {
      allowDroppedFile: (path) => Promise.resolve(path),
      openPathReady: () => undefined,
    })
  })

  it('answers the app’s own page', async () => {
    await expect(callFrom('quire://app/index.html')).resolves.toMatchObject({ ok: true })
  })

  it.each(['data:text/html,<p>hi</p>', 'file:///tmp/x.html', 'about:blank', 'quire://other-host/'])(
    'refuses a call from %s',
    async (url) => {
      await expect(callFrom(url)).resolves.toEqual({
        ok: false,
        error: { code: 'unauthorized', message: 'This page may not call Quire.' },
      })
    },
  )

  it('lets only the app’s own page allow a dropped file outside the documents folder', async () => {
    const drop = (url: string) =>
      handlers.get(OPEN_DROPPED_FILE_CHANNEL)?.({ senderFrame: { url }, sender: {} }, '/tmp/a.md')
    await expect(drop('quire://app/index.html')).resolves.toBe('/tmp/a.md')
    await expect(drop('data:text/html,<p>hi</p>')).resolves.toBeNull()
  })
})
