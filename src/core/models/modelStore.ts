import { readdir, rm, stat } from 'node:fs/promises'
import { isAbsolute, join, relative, resolve } from 'node:path'
import { QuireError } from '@shared/contract'
import { PARTIAL_SUFFIX } from '../engine/download/downloadModelFile'
import { defaultCatalogEntry, type Catalog } from './catalog'
import { slugFromFileName, uniqueId } from './modelIds'
import { readModelIndex, updateModelIndex, type IndexedModel } from './modelIndex'
import { pullModel, type PullOptions, type PullTask } from './pullModel'
import type { ModelListEntry, ModelSummary } from './schemas'
import { validateModel } from './validateModel'

const sizeOf = (path: string) =>
  stat(path).then(
    (file) => (file.isFile() ? file.size : null),
    () => null,
  )

/** The models folder: catalog downloads, imported files (referenced, not copied), their index. */
export class ModelStore {
  constructor(
    readonly dir: string,
    readonly catalog: Catalog,
  ) {}

  /** Catalog models with their state here, then imported and downloaded files. */
  async list(): Promise<ModelListEntry[]> {
    const index = await readModelIndex(this.dir)
    const entries: ModelListEntry[] = []
    for (const model of this.catalog.models) {
      const path = join(this.dir, model.fileName)
      const indexed = index.models.find((item) => item.id === model.id)
      const [size, partial] = await Promise.all([sizeOf(path), sizeOf(path + PARTIAL_SUFFIX)])
      const status =
        indexed && size !== null
          ? 'installed'
          : partial !== null || size !== null
            ? 'partial'
            : 'available'
      entries.push({
        id: model.id,
        title: model.title,
        source: 'catalog',
        status,
        isDefault: model.default,
        path: size !== null ? path : null,
        sizeBytes: size ?? model.sizeBytes,
        partialBytes: status === 'partial' ? (partial ?? size) : null,
        name: indexed?.summary.name ?? null,
      })
    }
    for (const partial of await this.strayPartials(index.models)) {
      entries.push({
        id: partial.id,
        title: partial.fileName,
        source: 'downloaded',
        status: 'partial',
        isDefault: false,
        path: null,
        sizeBytes: null,
        partialBytes: partial.bytes,
      })
    }
    for (const model of index.models) {
      if (this.catalog.models.some((item) => item.id === model.id)) continue
      const size = await sizeOf(model.path)
      entries.push({
        id: model.id,
        title: model.summary.name,
        source: model.source,
        status: size === null ? 'missing' : 'installed',
        isDefault: false,
        path: model.path,
        sizeBytes: size ?? model.sizeBytes,
        partialBytes: null,
        name: model.summary.name,
      })
    }
    return entries
  }

  /** Imports a GGUF the writer already has: validated, then referenced where it is (no copy). */
  async add(file: string): Promise<IndexedModel> {
    const path = resolve(file)
    const summary = await validateModel(path)
    return updateModelIndex(this.dir, (index) => {
      const existing = index.models.find((model) => model.path === path)
      if (existing) {
        existing.summary = summary
        existing.sizeBytes = summary.sizeBytes
        return existing
      }
      const taken = new Set([
        ...this.catalog.models.map((model) => model.id),
        ...index.models.map((model) => model.id),
      ])
      const model: IndexedModel = {
        id: uniqueId(slugFromFileName(path), taken),
        path,
        source: 'imported',
        addedAt: new Date().toISOString(),
        sizeBytes: summary.sizeBytes,
        sha256: null,
        summary,
      }
      index.models.push(model)
      return model
    })
  }

  /**
   * Removes a model from Quire. Downloads are deleted (with any partial file); an imported
   * file is only forgotten, never deleted, since it is the writer's.
   */
  async remove(
    id: string,
  ): Promise<{ id: string; deletedPaths: string[]; keptPath: string | null }> {
    const index = await readModelIndex(this.dir)
    const indexed = index.models.find((model) => model.id === id)
    const entry = this.catalog.models.find((model) => model.id === id)
    const strays = (await this.strayPartials(index.models)).filter((partial) => partial.id === id)
    if (!indexed && !entry && strays.length === 0) throw this.unknown(id)
    const candidates = [
      ...strays.map((partial) => join(this.dir, partial.fileName + PARTIAL_SUFFIX)),
      ...(entry
        ? [join(this.dir, entry.fileName), join(this.dir, entry.fileName + PARTIAL_SUFFIX)]
        : []),
      ...(indexed && indexed.source !== 'imported'
        ? [indexed.path, indexed.path + PARTIAL_SUFFIX]
        : []),
    ]
    const deletedPaths: string[] = []
    for (const path of new Set(candidates)) {
      if (!this.owns(path) || (await sizeOf(path)) === null) continue
      await rm(path, { force: true })
      deletedPaths.push(path)
    }
    if (indexed)
      await updateModelIndex(
        this.dir,
        (next) => void (next.models = next.models.filter((model) => model.id !== id)),
      )
    if (!indexed && deletedPaths.length === 0)
      throw new QuireError(
        'model-not-found',
        `${entry?.title ?? id} is not installed, so there is nothing to remove.`,
        'model-not-installed',
        { name: entry?.title ?? id },
      )
    return { id, deletedPaths, keptPath: indexed?.source === 'imported' ? indexed.path : null }
  }

  /** Checks a model file (or an installed model by id) and summarises it. */
  async info(fileOrId: string): Promise<ModelSummary> {
    const indexed = (await readModelIndex(this.dir)).models.find((model) => model.id === fileOrId)
    return validateModel(indexed?.path ?? resolve(fileOrId))
  }

  /** The file of an installed model, by id; the default catalog model when no id is given. */
  async pathOf(id?: string): Promise<string> {
    const wanted = id ?? defaultCatalogEntry(this.catalog).id
    const indexed = (await readModelIndex(this.dir)).models.find((model) => model.id === wanted)
    if (indexed && (await sizeOf(indexed.path)) !== null) return indexed.path
    if (indexed || this.catalog.models.some((model) => model.id === wanted))
      throw new QuireError(
        'model-not-found',
        `${wanted} is not installed. Download it with "quire models pull ${wanted}".`,
        'model-not-downloaded',
        { name: wanted },
      )
    throw this.unknown(wanted)
  }

  /** Downloads a catalog model by id (the default one when none is given), or a URL / hf: URI. */
  pull(idOrUri: string | undefined, options: Omit<PullOptions, 'dir' | 'catalog'> = {}): PullTask {
    const wanted = idOrUri ?? defaultCatalogEntry(this.catalog).id
    const entry = this.catalog.models.find((model) => model.id === wanted)
    if (!entry && !/^(hf:|https?:\/\/)/i.test(wanted)) {
      const error = this.unknown(wanted)
      return { result: Promise.reject(error), pause: () => {}, cancel: () => {} }
    }
    return pullModel(entry ? { kind: 'catalog', entry } : { kind: 'uri', uri: wanted }, {
      ...options,
      dir: this.dir,
      catalog: this.catalog,
    })
  }

  /**
   * Paused downloads of URLs (not catalog models): partial files in the folder nothing else
   * accounts for. Each gets an id no catalog or indexed model has (an imported file elsewhere
   * may share the partial file's name), the same in `list` and `remove`.
   */
  private async strayPartials(
    indexed: IndexedModel[],
  ): Promise<{ id: string; fileName: string; bytes: number }[]> {
    const names = (await readdir(this.dir).catch(() => [] as string[])).sort()
    const known = new Set([
      ...this.catalog.models.map((model) => resolve(this.dir, model.fileName)),
      ...indexed.map((model) => resolve(model.path)),
    ])
    const taken = new Set([
      ...this.catalog.models.map((model) => model.id),
      ...indexed.map((model) => model.id),
    ])
    const strays: { id: string; fileName: string; bytes: number }[] = []
    for (const name of names) {
      const fileName = name.slice(0, -PARTIAL_SUFFIX.length)
      if (!name.endsWith(PARTIAL_SUFFIX) || known.has(resolve(this.dir, fileName))) continue
      const id = uniqueId(slugFromFileName(fileName), taken)
      taken.add(id)
      strays.push({ id, fileName, bytes: (await sizeOf(join(this.dir, name))) ?? 0 })
    }
    return strays
  }

  /** Whether a path is inside the models folder (the only place Quire deletes files). */
  private owns(path: string): boolean {
    const rel = relative(this.dir, path)
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
  }

  private unknown(id: string): QuireError {
    const ids = this.catalog.models.map((model) => model.id).join(', ')
    return new QuireError(
      'model-not-found',
      `There is no model "${id}". Catalog models: ${ids}; "quire models list" shows the installed ones.`,
      'no-such-model',
      { id, ids },
    )
  }
}
