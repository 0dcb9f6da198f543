import { constants } from 'node:fs'
import { access, mkdir } from 'node:fs/promises'
import type { QuireEvent } from '@shared/contract'
import { documentsFolderUnusable } from '@shared/settings/refusals'
import { documentsFolderSettingSchema } from '@shared/settings/schema'
import { pickDocumentsFolder } from './documentsFolder'
import { DocumentStore } from './documentStore'
import { DocumentWatcher } from './documentWatcher'
import { removeStaleTempFiles } from './staleTempFiles'

export type DocumentsOptions = {
  dataDir: string
  /** The Settings field (empty for the default). */
  setting: string
  /** `--docs DIR` or QUIRE_DOCS_DIR: wins over the Settings field for this run. */
  override?: string | undefined
  /** The default folder (Electron: app.getPath('documents')/Quire). */
  defaultFolder?: string | undefined
  emit: (event: QuireEvent) => void
  removeFile?: (file: string) => Promise<void>
  /** Watch the folder for changes by other programs (not for one-off CLI commands). */
  watch?: boolean
}

/** The documents store with its folder watcher, following the Settings field. */
export type Documents = {
  store: DocumentStore
  /** Creates the folder when missing and starts watching it; every documents call waits for it. */
  ready(): Promise<void>
  /** Refuses a Settings value naming a folder Quire cannot create or write to. */
  checkSetting(setting: string): Promise<void>
  /** Follows a change of the Settings field (ignored while an override is in force). */
  applySetting(setting: string): Promise<void>
  /** Also watches a file opened from outside the folder. */
  allowExternal(file: string): void
  dispose(): Promise<void>
}

/**
 * The documents folder, opened lazily: nothing is created or watched until documents are first
 * used (a one-off `quire generate` must not make a folder in the writer's home).
 */
export function openDocuments(options: DocumentsOptions): Documents {
  const pick = (setting: string) =>
    pickDocumentsFolder({
      override: options.override,
      setting,
      fallback: options.defaultFolder,
    })
  const initial = pick(options.setting)
  const store = new DocumentStore({
    folder: initial.folder,
    source: initial.source,
    dataDir: options.dataDir,
    emit: options.emit,
    removeFile: options.removeFile,
  })
  const watcher = options.watch === false ? null : new DocumentWatcher(store, options.emit)
  let started: Promise<void> | null = null
  const ready = (): Promise<void> => {
    started ??= (async () => {
      await mkdir(store.folder, { recursive: true })
      await watcher?.start()
      // Housekeeping in the background: it must not delay the first list.
      void removeStaleTempFiles(store.folder).catch(() => {})
      void store.trash.purge().catch(() => {})
    })().catch((error: unknown) => {
      started = null
      throw error
    })
    return started
  }
  return {
    store,
    ready,
    checkSetting: async (setting) => {
      const parsed = documentsFolderSettingSchema.safeParse(setting)
      if (!parsed.success) return // settings.update explains what is wrong with the value
      const { folder } = pick(parsed.data)
      try {
        await mkdir(folder, { recursive: true })
        await access(folder, constants.W_OK)
      } catch (error) {
        throw documentsFolderUnusable(
          folder,
          (error as NodeJS.ErrnoException).code ?? 'unavailable',
        )
      }
    },
    applySetting: async (setting) => {
      const next = pick(setting)
      if (next.folder === store.folder && next.source === store.describeFolder().source) return
      await store.setFolder(next.folder, next.source)
      started = null
      await ready()
    },
    allowExternal: (file) => {
      store.allowExternal(file)
      watcher?.watchFile(file)
    },
    dispose: async () => {
      await watcher?.stop()
    },
  }
}
