import type { BrowserWindow, MenuItemConstructorOptions } from 'electron'
import type { MenuLabels } from './menuLabels'

/**
 * The Edit menu: the platform's standard items, except that "Paste and Match Style" (macOS) and
 * "Paste as Plain Text" (Windows, Linux) go through Quire. Electron's own item pastes with only
 * text/plain on the clipboard event, which the editor reads as Markdown (as it reads any plain
 * text); `pastePlain` hands the clipboard's text to the page to paste as plain paragraphs, the
 * same as Mod+Shift+V.
 */
export function editMenu(
  labels: MenuLabels,
  platform: NodeJS.Platform,
  pastePlain: (window: BrowserWindow | undefined) => void,
): MenuItemConstructorOptions {
  const mac = platform === 'darwin'
  const plainPaste: MenuItemConstructorOptions = {
    label: mac ? labels.pasteAndMatchStyle : labels.pastePlainText,
    // macOS's usual key for it. Elsewhere the editor takes Ctrl+Shift+V itself: the menu shows
    // the key without taking it.
    accelerator: mac ? 'Shift+Alt+Cmd+V' : 'Ctrl+Shift+V',
    ...(mac ? {} : { registerAccelerator: false }),
    click: (_item, window) => pastePlain(window as BrowserWindow | undefined),
  }
  return {
    role: 'editMenu',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      plainPaste,
      { role: 'delete' },
      ...(mac
        ? ([
            { role: 'selectAll' },
            { type: 'separator' },
            {
              label: labels.speech,
              submenu: [{ role: 'startSpeaking' }, { role: 'stopSpeaking' }],
            },
          ] satisfies MenuItemConstructorOptions[])
        : ([{ type: 'separator' }, { role: 'selectAll' }] satisfies MenuItemConstructorOptions[])),
    ],
  }
}
