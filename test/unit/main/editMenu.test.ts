import { describe, expect, it } from 'vitest'
import type { BrowserWindow, MenuItemConstructorOptions } from 'electron'
import { editMenu } from '../../../src/main/editMenu'
import { menuLabels } from '../../../src/main/menuLabels'

const items = (menu: MenuItemConstructorOptions) => menu.submenu as MenuItemConstructorOptions[]
const plainItem = (menu: MenuItemConstructorOptions) =>
  items(menu).find((item) => item.click !== undefined)

describe('the Edit menu', () => {
  it('on macOS: Paste and Match Style on its usual key, handed to Quire with the window', () => {
    const asked: unknown[] = []
    const menu = editMenu(menuLabels('en-US'), 'darwin', (window) => asked.push(window))
    expect(menu.role).toBe('editMenu')
    expect(items(menu).map((item) => item.role ?? item.label ?? item.type)).toEqual([
      'undo',
      'redo',
      'separator',
      'cut',
      'copy',
      'paste',
      'Paste and Match Style',
      'delete',
      'selectAll',
      'separator',
      'Speech',
    ])
    const plain = plainItem(menu)
    expect(plain?.accelerator).toBe('Shift+Alt+Cmd+V')
    expect(plain?.registerAccelerator).toBeUndefined()
    // Not Electron's own role, which would paste the text as Markdown.
    expect(plain?.role).toBeUndefined()
    const window = { id: 1 } as unknown as BrowserWindow
    plain?.click?.({} as never, window, {} as never)
    expect(asked).toEqual([window])
  })

  it('on Windows and Linux: Paste as Plain Text, showing Ctrl+Shift+V and leaving the key to the page', () => {
    const asked: unknown[] = []
    const menu = editMenu(menuLabels('zh-CN'), 'linux', (window) => asked.push(window))
    const plain = plainItem(menu)
    expect(plain?.label).toBe('粘贴为纯文本')
    expect(plain?.accelerator).toBe('Ctrl+Shift+V')
    expect(plain?.registerAccelerator).toBe(false)
    expect(
      items(menu)
        .map((item) => item.role ?? item.type)
        .at(-1),
    ).toBe('selectAll')
    plain?.click?.({} as never, undefined, {} as never)
    expect(asked).toEqual([undefined])
  })
})
