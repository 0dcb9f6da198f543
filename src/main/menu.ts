import { app, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import { basename } from 'node:path'
import { editMenu } from './editMenu'
import { menuLabels } from './menuLabels'

export type MenuActions = {
  /** File › Open. */
  open(window: BrowserWindow | undefined): void
  /** The files for Open Recent, newest first. */
  recent(): readonly string[]
  openRecent(file: string, window: BrowserWindow | undefined): void
  clearRecent(): void
  /** Edit › Paste and Match Style (macOS) or Paste as Plain Text: the clipboard's text, plain. */
  pastePlain(window: BrowserWindow | undefined): void
}

/**
 * The application menu: File (Open, Open Recent, then the platform's items), the standard Edit
 * menu with Quire's plain paste (editMenu.ts), the Window menu, and a developer View menu in dev.
 * Built again when the recent files change.
 */
export function installMenu(isDev: boolean, files: MenuActions): void {
  const labels = menuLabels(app.getLocale())
  const recent = files.recent()
  const fileMenu: MenuItemConstructorOptions = {
    label: labels.file,
    submenu: [
      {
        label: labels.open,
        accelerator: 'CmdOrCtrl+O',
        click: (_item, window) => files.open(window as BrowserWindow | undefined),
      },
      {
        label: labels.openRecent,
        enabled: recent.length > 0,
        submenu: [
          ...recent.map((file) => ({
            label: basename(file),
            toolTip: file,
            click: (_item: unknown, window: unknown) =>
              files.openRecent(file, window as BrowserWindow | undefined),
          })),
          { type: 'separator' as const },
          { label: labels.clearRecent, click: () => files.clearRecent() },
        ],
      },
      { type: 'separator' },
      process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
    ],
  }
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    fileMenu,
    editMenu(labels, process.platform, (window) => files.pastePlain(window)),
    {
      label: labels.view,
      submenu: [
        ...(isDev
          ? [
              { role: 'reload' as const },
              { role: 'toggleDevTools' as const },
              { type: 'separator' as const },
            ]
          : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
  app.setName('Quire')
}
