import { app, BrowserWindow, clipboard, shell } from 'electron'
import { rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createQuireService, type RunningQuireService } from '@core/service/createQuireService'
import { userDataDir } from '@core/settings/userDataDir'
import { PASTE_PLAIN_TEXT_CHANNEL } from '@shared/contract/hostChannels'
import { documentArguments } from './documents/fileArguments'
import { ExternalFiles } from './documents/openExternalFile'
import { RecentDocuments } from './documents/recentDocuments'
import { utilityLauncher } from './engine/utilityLauncher'
import { registerIpc } from './ipc/registerIpc'
import { SafeStorageSecretStore } from './secrets/safeStorageSecrets'
import { installMenu } from './menu'
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './window/appProtocol'
import { isAppUrl } from './window/appUrl'
import { createMainWindow } from './window/createMainWindow'
import { denyPermissions, lockDownContents } from './window/security'

/** electron-vite sets this in `npm run dev`; packaged and previewed builds load quire://app/. */
const devServerUrl = process.env.ELECTRON_RENDERER_URL
const here = import.meta.dirname
const resourcesDir = app.isPackaged
  ? join(process.resourcesPath, 'resources')
  : join(app.getAppPath(), 'resources')
const appUrl = devServerUrl ?? `${APP_ORIGIN}/index.html`
/** The app's own pages: same scheme, host and port as appUrl (see isAppUrl for why not origins). */
const isOwnPage = (url: string) => isAppUrl(url, appUrl)

function cliOptions(): {
  model?: string | undefined
  threads?: number | undefined
  docs?: string | undefined
} {
  const { values } = parseArgs({
    args: process.argv.slice(app.isPackaged ? 1 : 2),
    strict: false,
    options: { model: { type: 'string' }, threads: { type: 'string' }, docs: { type: 'string' } },
  })
  const docs = typeof values.docs === 'string' ? values.docs : process.env.QUIRE_DOCS_DIR
  const threads =
    typeof values.threads === 'string' && /^\d+$/.test(values.threads)
      ? Number(values.threads)
      : undefined
  return {
    model: typeof values.model === 'string' ? resolve(values.model) : undefined,
    threads,
    docs: docs ? resolve(docs) : undefined,
  }
}

if (!app.requestSingleInstanceLock()) app.quit()
registerAppScheme()
lockDownContents(isOwnPage)

let service: RunningQuireService | null = null
let externalFiles: ExternalFiles | null = null
// Files the OS asked us to open before the app was ready (macOS open-file, command line).
const filesToOpen: string[] = documentArguments(process.argv.slice(app.isPackaged ? 1 : 2))

app.on('open-file', (event, file) => {
  event.preventDefault()
  if (externalFiles) void externalFiles.open(file)
  else filesToOpen.push(file)
})

async function start(): Promise<void> {
  const options = cliOptions()
  denyPermissions()
  serveRenderer(join(here, '../renderer'))
  service = await createQuireService({
    resourcesDir,
    launchEngine: utilityLauncher(join(here, 'engine.js')),
    // The same folder as the `quire` command's, so both see the same models, prompts and settings.
    dataDir: userDataDir(),
    engineOverrides: { threads: options.threads },
    secrets: new SafeStorageSecretStore(app.getPath('userData')),
    documentsFolder: options.docs,
    defaultDocumentsFolder: join(app.getPath('documents'), 'Quire'),
    // Deleted documents go to the OS trash; Quire keeps its own copy for Undo, so where the OS
    // has no trash (some Linux desktops) the file is removed and Undo still brings it back.
    removeDocumentFile: (file) => shell.trashItem(file).catch(() => rm(file)),
  })
  const recent = new RecentDocuments(app.getPath('userData'))
  // Files opened from elsewhere before stay openable (the window may still have them open).
  for (const file of await recent.load()) service.documents.allowExternal(file)
  const files = new ExternalFiles(service, recent, () => menu())
  externalFiles = files
  const menu = (): void =>
    installMenu(devServerUrl !== undefined, {
      open: (window) => void files.choose(window),
      recent: () => recent.list(),
      openRecent: (file, window) => void files.open(file, window),
      clearRecent: () => {
        app.clearRecentDocuments()
        void recent.clear().then(menu)
      },
      pastePlain: (window) => {
        const contents = window?.webContents
        if (contents && !contents.isDestroyed() && isOwnPage(contents.getURL()))
          contents.send(PASTE_PLAIN_TEXT_CHANNEL, clipboard.readText())
      },
    })
  menu()
  await service.documents.ready()
  registerIpc(service, isOwnPage, {
    allowDroppedFile: (path) => files.allow(path),
    openPathReady: (contents) => files.ready(contents),
  })
  const window = createMainWindow(join(here, '../preload/index.cjs'), appUrl)
  for (const file of filesToOpen.splice(0)) void files.open(file, window)
  const model = options.model ?? service.settings.get().lastModelPath
  if (model) service.loadModel(model).catch((error: unknown) => console.error('quire:', error))
}

app.on('second-instance', (_event, argv) => {
  const window = BrowserWindow.getAllWindows()[0]
  if (window?.isMinimized()) window.restore()
  window?.focus()
  for (const file of documentArguments(argv.slice(1))) void externalFiles?.open(file, window)
})
app.on('activate', () => {
  if (BrowserWindow.getAllWindows().length === 0 && service)
    createMainWindow(join(here, '../preload/index.cjs'), appUrl)
})
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
app.on('will-quit', () => void service?.dispose())

app
  .whenReady()
  .then(start)
  .catch((error: unknown) => {
    console.error('quire: could not start', error)
    app.quit()
  })
