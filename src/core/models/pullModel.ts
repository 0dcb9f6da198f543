import { mkdir, rm, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { QuireError, type HostMessageKey, type MessageParams } from '@shared/contract'
import {
  DiscardDownload,
  PARTIAL_SUFFIX,
  startDownload,
  type DownloadTask,
} from '../engine/download/downloadModelFile'
import { DownloadError, type DownloadFailure } from '../engine/download/downloadError'
import { probeUrl } from '../engine/download/probeUrl'
import { sizeMatches, type Catalog, type CatalogEntry } from './catalog'
import { DOWNLOAD_FAILED } from './errors'
import { freeBytes, sha256File } from './fileChecks'
import { formatBytes } from './format'
import { defaultEndpoint, resolveSource } from './hfSource'
import { slugFromFileName, uniqueId } from './modelIds'
import { readModelIndex, updateModelIndex, type IndexedModel } from './modelIndex'
import type { DownloadProgress } from './schemas'
import { validateModel } from './validateModel'

/** A catalog model, or any model file by URL or `hf:` URI. */
export type PullTarget = { kind: 'catalog'; entry: CatalogEntry } | { kind: 'uri'; uri: string }

export type PullOptions = {
  /** The models folder. */
  dir: string
  catalog: Catalog
  /** Hugging Face endpoint or mirror (normalised, ending in "/"); default: HF_ENDPOINT or huggingface.co. */
  endpoint?: string | undefined
  onProgress?: (progress: DownloadProgress) => void
  stallTimeoutMs?: number
  connectTimeoutMs?: number
}

export type PullOutcome =
  | { status: 'installed'; model: IndexedModel; alreadyInstalled: boolean }
  | { status: 'paused'; downloadedBytes: number; totalBytes: number | null }
  | { status: 'cancelled' }

/** A running pull: `pause` keeps what was downloaded for the next pull, `cancel` deletes it. */
export type PullTask = { result: Promise<PullOutcome>; pause(): void; cancel(): void }

/** Room left free on the disk beyond the model itself. */
const DISK_MARGIN_BYTES = 200_000_000

const failure = (message: string, key: HostMessageKey, params: MessageParams) =>
  new QuireError(DOWNLOAD_FAILED, message, key, params)

/** Says what went wrong with a transfer, and what the writer can do. */
function explain(error: unknown, title: string): unknown {
  if (!(error instanceof DownloadError)) return error
  const f: DownloadFailure = error.failure
  switch (f.reason) {
    case 'unreachable':
      return failure(
        `Could not reach ${f.host} to download ${title} (${f.detail}). Check the internet connection, or try ${f.host === 'huggingface.co' ? 'a mirror such as hf-mirror.com as' : 'another'} download endpoint.`,
        f.host === 'huggingface.co' ? 'download-unreachable-hf' : 'download-unreachable',
        { host: f.host, title, detail: f.detail },
      )
    case 'http':
      if (f.status === 404)
        return new QuireError(
          'model-not-found',
          `The server has no file for ${title} (HTTP 404 at ${f.url}).`,
          'download-not-found',
          { title, url: f.url },
        )
      if (f.status === 401 || f.status === 403)
        return failure(
          `The server refused to send ${title} (HTTP ${f.status} at ${f.url}).`,
          'download-refused',
          { title, status: f.status, url: f.url },
        )
      return failure(
        `The server failed while sending ${title}; try again later (HTTP ${f.status} at ${f.url}).`,
        'download-server-failed',
        { title, status: f.status, url: f.url },
      )
    case 'stalled':
      return failure(
        `The download of ${title} stopped: nothing arrived for ${f.seconds} s. Pull again to resume; the parts already complete are kept.`,
        'download-stalled',
        { title, seconds: f.seconds },
      )
    case 'disk-full':
      return failure(
        `The disk filled up while downloading ${title}. What was downloaded is kept in ${f.path}; free some space and pull again to resume.`,
        'download-disk-full',
        { title, path: f.path },
      )
    case 'failed':
      return failure(
        `Downloading ${title} failed: ${f.detail}. Pull again to resume.`,
        'download-failed',
        { title, detail: f.detail },
      )
  }
}

function sizeMismatch(
  entry: CatalogEntry,
  actual: number,
  when: 'offered' | 'downloaded',
): QuireError {
  const expected = `${entry.sizeExact ? '' : 'about '}${formatBytes(entry.sizeBytes)}`
  const what =
    when === 'offered'
      ? `The server offers a ${formatBytes(actual)} file for ${entry.title}, not ${expected}, so it was not downloaded`
      : `The downloaded ${entry.fileName} is ${formatBytes(actual)}, not ${expected}, so it was deleted`
  return failure(
    `${what}; it is not the right file. Try again later, or another download endpoint (size ${actual} bytes, catalog sizeBytes ${entry.sizeBytes}).`,
    when === 'offered' ? 'download-size-offered' : 'download-size-downloaded',
    {
      title: entry.title,
      file: entry.fileName,
      actual: formatBytes(actual),
      expected: formatBytes(entry.sizeBytes),
    },
  )
}

/**
 * Checks a downloaded file — size and checksum against the catalog, then the GGUF checks every
 * model gets — and records it in the models folder's index. A file that fails is deleted.
 */
async function verifyAndRegister(
  filePath: string,
  target: PullTarget,
  options: PullOptions,
): Promise<IndexedModel> {
  const size = (await stat(filePath)).size
  const report = (bytes: number) =>
    options.onProgress?.({
      phase: 'verifying',
      downloadedBytes: bytes,
      totalBytes: size,
      bytesPerSecond: 0,
      etaSeconds: null,
    })
  report(0)
  const entry = target.kind === 'catalog' ? target.entry : null
  if (entry && !sizeMatches(entry, size)) {
    await rm(filePath, { force: true })
    throw sizeMismatch(entry, size, 'downloaded')
  }
  const sha256 = await sha256File(filePath, report)
  if (entry?.sha256 && sha256 !== entry.sha256) {
    await rm(filePath, { force: true })
    throw failure(
      `The downloaded ${entry.fileName} does not match its published checksum, so it was deleted; it was probably damaged on the way. Pull again (sha256 ${sha256}, expected ${entry.sha256}).`,
      'download-checksum',
      { file: entry.fileName },
    )
  }
  let summary
  try {
    summary = await validateModel(filePath)
  } catch (error) {
    await rm(filePath, { force: true })
    if (error instanceof QuireError)
      throw new QuireError(
        error.code,
        `${error.message} The download was deleted.`,
        error.key as HostMessageKey,
        {
          ...error.params,
          andThen: 'download-deleted',
        },
      )
    throw error
  }
  return updateModelIndex(options.dir, (index) => {
    const others = index.models.filter((model) => model.path !== filePath && model.id !== entry?.id)
    const taken = new Set([
      ...options.catalog.models.map((model) => model.id),
      ...others.map((model) => model.id),
    ])
    const model: IndexedModel = {
      id: entry?.id ?? uniqueId(slugFromFileName(filePath), taken),
      path: filePath,
      source: entry ? 'catalog' : 'downloaded',
      ...(target.kind === 'uri' ? { uri: target.uri } : {}),
      addedAt: new Date().toISOString(),
      sizeBytes: size,
      sha256,
      summary,
    }
    index.models = [...others, model]
    return model
  })
}

/**
 * Downloads a model into the models folder and checks it: free space before, size, checksum
 * and GGUF validity after. A paused pull resumes where it stopped on the next pull of the same
 * model, also after a restart.
 */
export function pullModel(target: PullTarget, options: PullOptions): PullTask {
  let stop: 'pause' | 'cancel' | null = null
  let task: DownloadTask | null = null
  const request = (kind: 'pause' | 'cancel') => {
    stop ??= kind
    if (task) task[kind]()
  }

  const run = async (): Promise<PullOutcome> => {
    const entry = target.kind === 'catalog' ? target.entry : null
    const endpoint = options.endpoint ?? defaultEndpoint()
    const uri = entry ? entry.uri : target.kind === 'uri' ? target.uri : ''
    const source = resolveSource(uri, endpoint)
    if (!source)
      throw new QuireError(
        'invalid-request',
        `"${uri}" is not a model address: use an https:// URL, hf:user/repo/file.gguf or hf:user/repo:QUANT.`,
        'model-address-invalid',
        { address: uri },
      )
    if (source.url && !entry && !source.fileName)
      throw new QuireError(
        'invalid-request',
        `"${uri}" does not end in a file name. Use the link to the .gguf file itself.`,
        'model-address-no-file',
        { address: uri },
      )
    // The same link installed before is already here: nothing to download.
    const sameLink = entry
      ? undefined
      : (await readModelIndex(options.dir)).models.find((model) => model.uri === uri)
    if (sameLink && (await stat(sameLink.path).catch(() => null)))
      return { status: 'installed', model: sameLink, alreadyInstalled: true }
    // A link whose file name is already taken in the folder gets a name of its own: the
    // downloader would otherwise keep the old file and report it as this one.
    const fileName =
      entry?.fileName ??
      (source.fileName ? await freeFileName(options.dir, source.fileName) : undefined)
    const title = entry?.title ?? fileName ?? uri
    await mkdir(options.dir, { recursive: true })

    if (entry) {
      const finalPath = join(options.dir, entry.fileName)
      const installed = (await readModelIndex(options.dir)).models.find(
        (model) => model.id === entry.id,
      )
      const onDisk = await stat(finalPath).catch(() => null)
      if (
        installed &&
        onDisk &&
        installed.path === finalPath &&
        onDisk.size === installed.sizeBytes
      )
        return { status: 'installed', model: installed, alreadyInstalled: true }
      // A complete file from an earlier run that stopped before its check: check it, offline.
      if (onDisk && entry.sizeExact && onDisk.size === entry.sizeBytes)
        return {
          status: 'installed',
          model: await verifyAndRegister(finalPath, target, options),
          alreadyInstalled: false,
        }
    }

    options.onProgress?.({
      phase: 'connecting',
      downloadedBytes: 0,
      totalBytes: entry?.sizeBytes ?? null,
      bytesPerSecond: 0,
      etaSeconds: null,
    })
    if (source.url) {
      const probe = await probeUrl(source.url, options.connectTimeoutMs).catch((error: unknown) => {
        throw explain(error, title)
      })
      if (entry && probe.totalBytes !== null && !sizeMatches(entry, probe.totalBytes)) {
        await rm(join(options.dir, entry.fileName + PARTIAL_SUFFIX), { force: true })
        throw sizeMismatch(entry, probe.totalBytes, 'offered')
      }
    }

    task = startDownload({
      source: source.download,
      dirPath: options.dir,
      fileName,
      huggingFaceEndpoint: source.url ? undefined : endpoint,
      stallTimeoutMs: options.stallTimeoutMs,
      connectTimeoutMs: options.connectTimeoutMs,
      onProgress: (progress) => options.onProgress?.({ phase: 'downloading', ...progress }),
      beforeTransfer: async ({ totalBytes, alreadyBytes }) => {
        if (entry && totalBytes > 0 && !sizeMatches(entry, totalBytes))
          throw new DiscardDownload(sizeMismatch(entry, totalBytes, 'offered'))
        const needed = Math.max(0, (totalBytes || entry?.sizeBytes || 0) - alreadyBytes)
        const free = await freeBytes(options.dir)
        if (free < needed + DISK_MARGIN_BYTES)
          throw failure(
            `Not enough free disk space for ${title}: it needs ${formatBytes(needed)} more, and ${options.dir} has ${formatBytes(free)} free. Free some space, or choose another models folder.`,
            'download-no-space',
            { title, needed: formatBytes(needed), folder: options.dir, free: formatBytes(free) },
          )
      },
    })
    if (stop) task[stop]()
    const result = await task.result.catch((error: unknown) => {
      throw explain(error, title)
    })
    if (result.status === 'cancelled') return result
    if (result.status === 'paused')
      return {
        status: 'paused',
        downloadedBytes: result.downloadedBytes,
        totalBytes: result.totalBytes,
      }
    return {
      status: 'installed',
      model: await verifyAndRegister(result.filePath, target, options),
      alreadyInstalled: false,
    }
  }

  return { result: run(), pause: () => request('pause'), cancel: () => request('cancel') }
}

/** The partial file a paused download of this catalog model left, if any. */
export function partialPathFor(dir: string, entry: CatalogEntry): string {
  return join(dir, basename(entry.fileName) + PARTIAL_SUFFIX)
}

/** `name.gguf`, or `name-2.gguf`, `name-3.gguf`… when a finished file already has that name. */
async function freeFileName(dir: string, fileName: string): Promise<string> {
  const dot = fileName.lastIndexOf('.')
  const [stem, extension] = dot > 0 ? [fileName.slice(0, dot), fileName.slice(dot)] : [fileName, '']
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? fileName : `${stem}-${n}${extension}`
    if (!(await stat(join(dir, candidate)).catch(() => null))) return candidate
  }
}
