import { app, BrowserWindow } from 'electron'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createQuireService, type RunningQuireService } from '@core/service/createQuireService'
import { userDataDir } from '@core/settings/userDataDir'
import { utilityLauncher } from './engine/utilityLauncher'
import { registerIpc } from './ipc/registerIpc'
import { SafeStorageSecretStore } from './secrets/safeStorageSecrets'
import { installMenu } from './menu'
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './window/appProtocol'
import { createMainWindow } from './window/createMainWindow'
import { denyPermissions, lockDownContents } from './window/security'

/** electron-vite sets this in `npm run dev`; packaged and previewed builds load quire://app/. */
const devServerUrl = process.env.ELECTRON_RENDERER_URL
const here = import.meta.dirname
const resourcesDir = app.isPackaged
  ? join(process.resourcesPath, 'resources')
  : join(app.getAppPath(), 'resources')
const appUrl = devServerUrl ?? `${APP_ORIGIN}/index.html`
const trustedOrigins = [new URL(appUrl).origin]

function cliOptions(): { model?: string | undefined; threads?: number | undefined } {
  const { values } = parseArgs({
    args: process.argv.slice(app.isPackaged ? 1 : 2),
    strict: false,
    options: { model: { type: 'string' }, threads: { type: 'string' } },
  })
  const threads =
    typeof values.threads === 'string' && /^\d+$/.test(values.threads)
      ? Number(values.threads)
      : undefined
  return { model: typeof values.model === 'string' ? resolve(values.model) : undefined, threads }
}

if (!app.requestSingleInstanceLock()) app.quit()
registerAppScheme()
lockDownContents((url) => trustedOrigins.some((origin) => url.startsWith(origin)))

let service: RunningQuireService | null = null

async function start(): Promise<void> {
  const options = cliOptions()
  denyPermissions()
  serveRenderer(join(here, '../renderer'))
  installMenu(devServerUrl !== undefined)
  service = await createQuireService({
    resourcesDir,
    launchEngine: utilityLauncher(join(here, 'engine.js')),
    // The same folder as the `quire` command's, so both see the same models, prompts and settings.
    dataDir: userDataDir(),
    engineOverrides: { threads: options.threads },
    secrets: new SafeStorageSecretStore(app.getPath('userData')),
  })
  registerIpc(service, trustedOrigins)
  createMainWindow(join(here, '../preload/index.cjs'), appUrl)
  const model = options.model ?? service.settings.get().lastModelPath
  if (model) service.loadModel(model).catch((error: unknown) => console.error('quire:', error))
}

app.on('second-instance', () => {
  const window = BrowserWindow.getAllWindows()[0]
  if (window?.isMinimized()) window.restore()
  window?.focus()
})
app.on('activate', () => {
  if (BrowserWindow.getAllWindows().length === 0 && service)
    createMainWindow(join(here, '../preload/index.cjs'), appUrl)
})
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
app.on('will-quit', () => void service?.dispose())

app.whenReady().then(start, (error: unknown) => {
  console.error('quire: could not start', error)
  app.quit()
})
