import { stat } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { app, BrowserWindow, dialog, type WebContents } from 'electron'
import type { RunningQuireService } from '@core/service/createQuireService'
import { OPEN_PATH_CHANNEL } from '@shared/contract/hostChannels'
import { isDocumentFile } from '@shared/documents'
import type { RecentDocuments } from './recentDocuments'
import { menuLabels } from '../menuLabels'

/**
 * Files opened from outside the documents list: File › Open, Open Recent, a file dropped on
 * the window or opened from the OS. Each is allowed (that file only), remembered as recent, and
 * given to the window to open.
 */
export class ExternalFiles {
  /** Pages listening for files to open; the others get theirs once they listen. */
  private readonly listening = new WeakSet<WebContents>()
  private readonly waiting: string[] = []

  constructor(
    private readonly service: RunningQuireService,
    private readonly recent: RecentDocuments,
    private readonly onRecentChanged: () => void,
  ) {}

  /** Allows one file chosen by the writer; returns its document path, or null if it is not a document. */
  async allow(path: string): Promise<string | null> {
    const file = resolve(path)
    if (!isDocumentFile(basename(file))) return null
    if (
      !(await stat(file).then(
        (s) => s.isFile(),
        () => false,
      ))
    )
      return null
    await this.service.documents.ready()
    this.service.documents.allowExternal(file)
    app.addRecentDocument(file)
    await this.recent
      .add(file)
      .catch((error: unknown) => console.error('quire: recent files', error))
    this.onRecentChanged()
    return this.service.documents.store.resolve(file).path
  }

  /** Allows the file and asks the window to open it (once the page listens). */
  async open(
    path: string,
    window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0],
  ): Promise<void> {
    const documentPath = await this.allow(path)
    if (!documentPath) return
    const contents = window && !window.isDestroyed() ? window.webContents : null
    if (contents && this.listening.has(contents)) contents.send(OPEN_PATH_CHANNEL, documentPath)
    else this.waiting.push(documentPath)
  }

  /** A page started listening: it gets the files that were waiting. */
  ready(contents: WebContents): void {
    this.listening.add(contents)
    for (const path of this.waiting.splice(0)) contents.send(OPEN_PATH_CHANNEL, path)
  }

  /** File › Open: the native dialog for Markdown and text files. */
  async choose(window: BrowserWindow | undefined): Promise<void> {
    const labels = menuLabels(app.getLocale())
    const options = {
      title: labels.openTitle,
      properties: ['openFile' as const, 'multiSelections' as const],
      filters: [{ name: labels.documentFilter, extensions: ['md', 'markdown', 'txt'] }],
    }
    const result = window
      ? await dialog.showOpenDialog(window, options)
      : await dialog.showOpenDialog(options)
    if (result.canceled) return
    for (const file of result.filePaths) await this.open(file, window)
  }
}
