import { join } from 'node:path'
import type { Language, LanguageChoice } from '@shared/contract'
import type { z } from 'zod'
import type {
  LibraryListing,
  PromptPreviewRequest,
  promptTextSchema,
  savePromptResultSchema,
} from '@shared/prompts/libraryContract'
import type { LibraryProblem } from '@shared/prompts/schema'
import type { PackExportRequest } from '@shared/stylepack'
import { describeLibrary } from './describeLibrary'
import { FolderWatcher, type WatchedFolder } from './folderWatcher'
import { layerPaths } from './libraryPaths'
import { readPersonaText, saveUserPersona } from './userPersonas'
import { loadLibrary, type LayeredLibrary, type LibrarySources } from './loadLibrary'
import { previewPrompt } from './previewPrompt'
import { applyPackImport, exportStylePack, planPackImport } from './stylePacks'
import {
  deleteUserPrompt,
  duplicatePrompt,
  readPromptText,
  restorePrompt,
  saveUserPrompt,
  undeleteUserPrompt,
} from './userPrompts'

export type LibraryStoreOptions = LibrarySources & {
  dataDir: string
  /** How long changes on disk must settle before a reload (default 200 ms). */
  debounceMs?: number
}

type Listener = (library: LayeredLibrary) => void
type PromptText = z.output<typeof promptTextSchema>
type SavePromptResult = z.output<typeof savePromptResultSchema>

const withSeverity = (problems: readonly LibraryProblem[]) =>
  problems.map((p) => ({ ...p, severity: p.severity ?? ('error' as const) }))

function watchedFolders(root: string, create: boolean): WatchedFolder[] {
  const paths = layerPaths(root)
  return [
    { path: root, create, files: ['presets.json', 'replacements.json', 'prompts', 'personas'] },
    ...[paths.prompts, paths.personas].flatMap((folder) => [
      { path: folder, create, files: ['en', 'zh'] },
      { path: join(folder, 'en'), create },
      { path: join(folder, 'zh'), create },
    ]),
  ]
}

/** What the library looks like to a listener; a reload that changes none of it is not announced. */
function signature(library: LayeredLibrary): string {
  const { lineOf: _lineOf, textOf: _textOf, ...data } = library
  return JSON.stringify(data)
}

/**
 * The merged library (bundled, extra folder, user folder) kept up to date: it reloads after
 * every change it makes and whenever files change in the user or extra folder, and tells its
 * listeners when the result differs.
 */
export class LibraryStore {
  private library: LayeredLibrary
  private readonly listeners = new Set<Listener>()
  private readonly watcher: FolderWatcher
  private queue: Promise<unknown> = Promise.resolve()
  private sources: LibrarySources
  private readonly dataDir: string

  private constructor(options: LibraryStoreOptions, library: LayeredLibrary) {
    this.sources = {
      resourcesDir: options.resourcesDir,
      dataDir: options.dataDir,
      extraDir: options.extraDir ?? null,
    }
    this.dataDir = options.dataDir
    this.library = library
    this.watcher = new FolderWatcher(
      this.folders(),
      () => void this.reload().catch(() => {}),
      options.debounceMs,
    )
  }

  /** Loads the library, creates the user folders when missing and starts watching. */
  static async open(options: LibraryStoreOptions): Promise<LibraryStore> {
    const store = new LibraryStore(options, await loadLibrary(options))
    await store.watcher.arm()
    // Files written between the first load and the watch would otherwise go unseen.
    await store.reload()
    return store
  }

  /** The library as last loaded. */
  get current(): LayeredLibrary {
    return this.library
  }

  /** Calls `listener` with the new library after each reload that changes it; returns a disposer. */
  onChanged(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Reads every layer again and announces the result if it changed. */
  reload(): Promise<LayeredLibrary> {
    return this.serialized(async () => {
      const next = await loadLibrary(this.sources)
      const changed = signature(next) !== signature(this.library)
      this.library = next
      await this.watcher.arm()
      if (changed) for (const listener of this.listeners) listener(next)
      return next
    })
  }

  /** Points the store at another extra folder (or none) and reloads. */
  async setExtraDir(extraDir: string | null): Promise<LayeredLibrary> {
    this.sources = { ...this.sources, extraDir }
    await this.watcher.setFolders(this.folders())
    return this.reload()
  }

  /** The Library panel's view. */
  listing(): LibraryListing {
    return describeLibrary(this.library)
  }

  /** A prompt file's text as written, with where it comes from. */
  async readPrompt(id: string, language: Language): Promise<PromptText> {
    const { text, prompt } = await readPromptText(this.library, id, language)
    const { origin, overrides, source } = prompt
    return { id, language, text, origin, overrides, source }
  }

  /** Saves a prompt into the user folder (see `saveUserPrompt`) and reloads. */
  async savePrompt(language: Language, text: string): Promise<SavePromptResult> {
    const result = await this.changing(() => saveUserPrompt(this.library, language, text))
    return { ...result, problems: withSeverity(result.problems) }
  }

  /** Copies a prompt into the user folder under a new id (see `duplicatePrompt`) and reloads. */
  duplicatePrompt(request: Parameters<typeof duplicatePrompt>[1]) {
    return this.changing(() => duplicatePrompt(this.library, request))
  }

  /** Deletes the writer's own prompt file, keeping a `.bak`, and reloads. */
  deletePrompt(id: string, language: Language) {
    return this.changing(() => deleteUserPrompt(this.library, id, language))
  }

  /** Puts back the writer's prompt file a delete (or restore) kept as `.bak`, and reloads. */
  undeletePrompt(id: string, language: Language) {
    return this.changing(() => undeleteUserPrompt(this.library, id, language))
  }

  /** Brings back the bundled version of an overridden prompt, keeping a `.bak`, and reloads. */
  restorePrompt(id: string, language: Language) {
    return this.changing(() => restorePrompt(this.library, id, language))
  }

  /** The exact messages and settings a request would run with (see `previewPrompt`). */
  preview(request: PromptPreviewRequest, languageSetting: LanguageChoice = 'auto') {
    return previewPrompt(this.library, request, languageSetting)
  }

  /** A style pack of the named prompts, personas and presets (see `exportStylePack`). */
  exportPack(request: PackExportRequest) {
    return exportStylePack(this.library, this.dataDir, request)
  }

  /** What importing a pack's text would do; writes nothing. */
  planPackImport(text: string, fileName: string) {
    return planPackImport(this.library, this.dataDir, text, fileName)
  }

  /** Imports a pack whose plan (by its fingerprint) the writer confirmed, then reloads. */
  applyPackImport(text: string, fileName: string, fingerprint: string) {
    return this.changing(() =>
      applyPackImport(this.library, this.dataDir, text, fileName, fingerprint),
    )
  }

  /** A persona file's text, with where it comes from. */
  readPersona(id: string, language: Language) {
    return readPersonaText(this.library, id, language)
  }

  /** Saves a persona into the user folder (see `saveUserPersona`) and reloads. */
  savePersona(language: Language, text: string) {
    return this.changing(() => saveUserPersona(this.library, language, text))
  }

  /** Runs a change to the user folder against the current library, then reloads before returning. */
  async changing<T>(change: () => Promise<T>): Promise<T> {
    const result = await this.serialized(change)
    await this.reload()
    return result
  }

  /** Stops watching; listeners hear nothing more. */
  async dispose(): Promise<void> {
    this.watcher.dispose()
    this.listeners.clear()
    await this.queue.catch(() => {})
  }

  private folders(): WatchedFolder[] {
    const { dataDir, extraDir } = this.sources
    return [
      ...(dataDir ? watchedFolders(dataDir, true) : []),
      ...(extraDir ? watchedFolders(extraDir, false) : []),
    ]
  }

  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task)
    this.queue = run.catch(() => {})
    return run
  }
}
