import { rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { createModelDownloader, type ModelDownloader } from 'node-llama-cpp'
import { DownloadError } from './downloadError'
import { ProgressMeter } from './progressMeter'

/** The suffix of a download in progress; the partial file survives a pause and a restart. */
export const PARTIAL_SUFFIX = '.ipull'

/** Bytes so far, speed and time left of a transfer. */
export type TransferProgress = {
  downloadedBytes: number
  totalBytes: number | null
  bytesPerSecond: number
  etaSeconds: number | null
}

export type DownloadOptions = {
  /** An http(s) URL, or a node-llama-cpp `hf:` URI. */
  source: string
  dirPath: string
  /** The file name to save as; by default the one the source gives. */
  fileName?: string | undefined
  /** Hugging Face endpoint for `hf:` URIs (a mirror such as https://hf-mirror.com/). */
  huggingFaceEndpoint?: string | undefined
  onProgress?: (progress: TransferProgress) => void
  /**
   * Runs once the size is known, before the transfer starts: a place for disk-space and size
   * checks. Throwing stops the download and keeps a partial file from an earlier attempt;
   * throwing {@link DiscardDownload} deletes it.
   */
  beforeTransfer?: (sizes: {
    totalBytes: number
    alreadyBytes: number
    filePath: string
  }) => void | Promise<void>
  progressIntervalMs?: number
  /** A transfer that receives nothing for this long is paused and reported as stalled. */
  stallTimeoutMs?: number
  /** How long to wait for the server to answer at all. */
  connectTimeoutMs?: number
}

export type DownloadResult =
  | { status: 'done'; filePath: string; totalBytes: number }
  /** `downloadedBytes` counts what arrived; a resume keeps only the finished 5 MB blocks of it. */
  | {
      status: 'paused'
      filePath: string | null
      downloadedBytes: number
      totalBytes: number | null
    }
  | { status: 'cancelled' }

/** A running download; `pause` keeps the partial file for a later resume, `cancel` deletes it. */
export type DownloadTask = {
  result: Promise<DownloadResult>
  pause(): void
  cancel(): void
}

/** Thrown from `beforeTransfer` to stop a download and delete its partial file. */
export class DiscardDownload extends Error {
  constructor(readonly reason: unknown) {
    super('download discarded')
  }
}

const isDiskFull = (error: unknown): boolean =>
  (error as NodeJS.ErrnoException | null)?.code === 'ENOSPC'

/**
 * Downloads one model file with node-llama-cpp's downloader (ipull: parallel ranges, and a
 * partial file that a later call with the same folder and name resumes, also after a restart).
 * Adds what a writer needs around it: steady progress, pause and cancel, a stall watchdog.
 */
export function startDownload(options: DownloadOptions): DownloadTask {
  const { progressIntervalMs = 250, stallTimeoutMs = 60_000, connectTimeoutMs = 30_000 } = options
  let stopRequest: 'pause' | 'cancel' | null = null
  let wake: (kind: 'pause' | 'cancel') => void = () => {}
  const stopped = new Promise<'pause' | 'cancel'>((resolve) => (wake = resolve))
  let downloader: ModelDownloader | null = null

  const request = (kind: 'pause' | 'cancel'): void => {
    if (stopRequest) return
    stopRequest = kind
    wake(kind)
    void downloader?.cancel({ deleteTempFile: kind === 'cancel' }).catch(() => {})
  }
  const partialPath = (fileName: string) => join(options.dirPath, fileName + PARTIAL_SUFFIX)

  async function run(): Promise<DownloadResult> {
    const meter = new ProgressMeter()
    let lastEmit = 0
    let lastBytes = -1
    let lastChangeAt = Date.now()
    const emit = (downloadedBytes: number, totalBytes: number | null, force = false) => {
      const now = Date.now()
      if (downloadedBytes !== lastBytes) lastChangeAt = now
      lastBytes = downloadedBytes
      const rate = meter.update(downloadedBytes, totalBytes, now)
      if (!force && now - lastEmit < progressIntervalMs) return
      lastEmit = now
      options.onProgress?.({ downloadedBytes, totalBytes, ...rate })
    }

    const creating = createModelDownloader({
      modelUri: options.source,
      dirPath: options.dirPath,
      fileName: options.fileName,
      skipExisting: true,
      deleteTempFileOnCancel: false,
      showCliProgress: false,
      endpoints: options.huggingFaceEndpoint
        ? { huggingFace: options.huggingFaceEndpoint }
        : undefined,
      onProgress: ({ downloadedSize, totalSize }) => emit(downloadedSize, totalSize || null),
    })
    let timer: NodeJS.Timeout | undefined
    const first = await Promise.race([
      creating.then((created) => ({ created })),
      stopped.then((kind) => ({ kind })),
      new Promise<{ timeout: true }>((resolve) => {
        timer = setTimeout(() => resolve({ timeout: true }), connectTimeoutMs)
      }),
    ]).finally(() => clearTimeout(timer))
    if (!('created' in first)) {
      // The downloader may still appear later (it retries); close it when it does.
      const discard = stopRequest === 'cancel'
      void creating.then((late) => late.cancel({ deleteTempFile: discard })).catch(() => {})
      if (discard && options.fileName) await rm(partialPath(options.fileName), { force: true })
      if ('kind' in first)
        return first.kind === 'cancel'
          ? { status: 'cancelled' }
          : {
              status: 'paused',
              filePath: options.fileName ? join(options.dirPath, options.fileName) : null,
              downloadedBytes: 0,
              totalBytes: null,
            }
      const host = URL.canParse(options.source) ? new URL(options.source).host : options.source
      throw new DownloadError({
        reason: 'unreachable',
        host,
        detail: `no answer in ${Math.round(connectTimeoutMs / 1000)} s`,
      })
    }

    const created = first.created
    downloader = created
    const filePath = created.entrypointFilePath
    const totalBytes = created.totalSize || null
    try {
      await options.beforeTransfer?.({
        totalBytes: created.totalSize,
        alreadyBytes: created.downloadedSize,
        filePath,
      })
    } catch (error) {
      const discard = error instanceof DiscardDownload
      await created.cancel({ deleteTempFile: discard })
      if (discard) await rm(filePath + PARTIAL_SUFFIX, { force: true })
      throw discard ? error.reason : error
    }
    if (stopRequest) await created.cancel({ deleteTempFile: stopRequest === 'cancel' })

    let stalled = false
    lastChangeAt = Date.now()
    emit(created.downloadedSize, totalBytes, true)
    /** The result once the transfer has stopped: cancelled, paused (or stalled), or done. */
    const finish = async (): Promise<DownloadResult> => {
      if (stopRequest === 'cancel') {
        await rm(filePath + PARTIAL_SUFFIX, { force: true })
        return { status: 'cancelled' }
      }
      if (stopRequest === 'pause') {
        const downloadedBytes = created.downloadedSize
        if (stalled)
          throw new DownloadError({
            reason: 'stalled',
            seconds: Math.round(stallTimeoutMs / 1000),
            downloadedBytes,
          })
        return { status: 'paused', filePath, downloadedBytes, totalBytes }
      }
      const size = await stat(filePath).then(
        (file) => file.size,
        () => -1,
      )
      if (size < 0) throw new DownloadError({ reason: 'failed', detail: `${filePath} is missing` })
      emit(size, size, true)
      return { status: 'done', filePath, totalBytes: size }
    }
    const watchdog = setInterval(
      () => {
        if (Date.now() - lastChangeAt < stallTimeoutMs) return
        stalled = true
        request('pause')
      },
      Math.min(1_000, stallTimeoutMs / 4),
    )
    try {
      if (!stopRequest) await created.download()
    } catch (error) {
      await created.cancel({ deleteTempFile: false }).catch(() => {})
      // Stopping on purpose can surface as an error from the transfer; it is handled below.
      if (stopRequest) return finish()
      if (isDiskFull(error)) throw new DownloadError({ reason: 'disk-full', path: options.dirPath })
      const status = (error as { statusCode?: unknown }).statusCode
      if (typeof status === 'number')
        throw new DownloadError({ reason: 'http', status, url: options.source })
      throw new DownloadError({
        reason: 'failed',
        detail: error instanceof Error ? error.message : String(error),
      })
    } finally {
      clearInterval(watchdog)
    }

    return finish()
  }

  return { result: run(), pause: () => request('pause'), cancel: () => request('cancel') }
}
