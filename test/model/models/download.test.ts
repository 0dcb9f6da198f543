import { createHash } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Catalog, CatalogEntry } from '@core/models/catalog'
import { readModelIndex } from '@core/models/modelIndex'
import { ModelStore } from '@core/models/modelStore'
import type { DownloadProgress } from '@core/models/schemas'
import { TINY_MODEL_PATH } from '../../fixtures/paths'
import { startRangeServer, type RangeServer } from './rangeServer'

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** A one-model catalog whose model is served by the local test server. */
function catalogFor(url: string, file: Uint8Array, overrides: Partial<CatalogEntry> = {}): Catalog {
  const entry: CatalogEntry = {
    id: 'tiny',
    title: 'Tiny test model',
    description: 'The generated test model.',
    uri: url,
    fileName: 'tiny-qwen3.gguf',
    quantization: 'F32',
    sizeBytes: file.length,
    sizeExact: true,
    sha256: sha256(file),
    minRamGb: 1,
    minVramGb: 0,
    default: true,
    ...overrides,
  }
  return { version: 1, models: [entry] }
}

let tiny: Uint8Array = new Uint8Array()
/** The tiny model padded to 12 MB: more than one of the downloader's 5 MB blocks. */
let large: Uint8Array = new Uint8Array()
let dir = ''
let server: RangeServer | null = null

beforeAll(async () => {
  tiny = await readFile(TINY_MODEL_PATH)
  large = new Uint8Array(12_000_000)
  large.set(tiny)
})
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quire-models-'))
})
afterEach(async () => {
  await server?.close()
  server = null
  await rm(dir, { recursive: true, force: true })
})

describe('pulling a model over HTTP', () => {
  it('reports progress, then installs a checked, byte-identical file', async () => {
    server = await startRangeServer(tiny, {
      name: 'tiny-qwen3.gguf',
      chunkBytes: 8 * 1024,
      delayMs: 10,
    })
    const store = new ModelStore(dir, catalogFor(server.url, tiny))
    const events: DownloadProgress[] = []
    const started = performance.now()
    const outcome = await store.pull('tiny', { onProgress: (event) => events.push(event) }).result
    const seconds = (performance.now() - started) / 1000

    expect(outcome).toMatchObject({ status: 'installed', model: { id: 'tiny', source: 'catalog' } })
    const phases = events
      .map((event) => event.phase)
      .filter((phase, i, all) => phase !== all[i - 1])
    expect(phases).toEqual(['connecting', 'downloading', 'verifying'])
    const downloading = events.filter((event) => event.phase === 'downloading')
    expect(downloading.length).toBeGreaterThanOrEqual(3)
    expect(downloading.every((event) => event.totalBytes === tiny.length)).toBe(true)
    const bytes = downloading.map((event) => event.downloadedBytes)
    expect(bytes).toEqual([...bytes].sort((a, b) => a - b))
    expect(bytes.at(-1)).toBe(tiny.length)
    expect(downloading.some((event) => event.bytesPerSecond > 0)).toBe(true)
    console.info(`downloaded ${tiny.length} bytes in ${seconds.toFixed(2)} s`)

    expect(sha256(await readFile(join(dir, 'tiny-qwen3.gguf')))).toBe(sha256(tiny))
    expect((await readModelIndex(dir)).models.map((model) => model.id)).toEqual(['tiny'])
    expect((await store.list())[0]).toMatchObject({ id: 'tiny', status: 'installed' })
    // A second pull finds it installed without asking the server again.
    const requests = server.requests.length
    expect(await store.pull('tiny').result).toMatchObject({ alreadyInstalled: true })
    expect(server.requests.length).toBe(requests)
  })

  it('pauses, and resumes where it stopped after a restart', async () => {
    server = await startRangeServer(large, {
      name: 'tiny-qwen3.gguf',
      chunkBytes: 32 * 1024,
      delayMs: 15,
    })
    const catalog = catalogFor(server.url, large)
    const first = new ModelStore(dir, catalog).pull('tiny', {
      onProgress: (event) => {
        if (event.phase === 'downloading' && event.downloadedBytes > large.length * 0.55)
          first.pause()
      },
    })
    expect(await first.result).toMatchObject({ status: 'paused' })
    expect((await readdir(dir)).sort()).toEqual(['tiny-qwen3.gguf.ipull'])
    expect((await new ModelStore(dir, catalog).list())[0]).toMatchObject({ status: 'partial' })

    // A new store, as after quitting and starting again: the partial file is picked up.
    const seen = server.requests.length
    const resumed: DownloadProgress[] = []
    const second = new ModelStore(dir, catalog).pull('tiny', { onProgress: (e) => resumed.push(e) })
    expect(await second.result).toMatchObject({ status: 'installed' })
    expect(sha256(await readFile(join(dir, 'tiny-qwen3.gguf')))).toBe(sha256(large))
    expect(await readdir(dir)).not.toContain('tiny-qwen3.gguf.ipull')

    const firstDownloading = resumed.find((event) => event.phase === 'downloading')
    expect(firstDownloading?.downloadedBytes).toBeGreaterThan(0)
    const fetchedAgain = server.requests
      .slice(seen)
      .filter((request) => request.range !== null && request.end - request.start > 1)
      .reduce((sum, request) => sum + request.end - request.start, 0)
    expect(fetchedAgain).toBeGreaterThan(0)
    expect(fetchedAgain).toBeLessThan(large.length)
  })

  it('cancels and deletes what was downloaded, also a paused part', async () => {
    server = await startRangeServer(large, {
      name: 'tiny-qwen3.gguf',
      chunkBytes: 32 * 1024,
      delayMs: 15,
    })
    const store = new ModelStore(dir, catalogFor(server.url, large))
    const paused = store.pull('tiny', {
      onProgress: (event) => {
        if (event.phase === 'downloading' && event.downloadedBytes > large.length * 0.55)
          paused.pause()
      },
    })
    await paused.result
    expect(await readdir(dir)).toEqual(['tiny-qwen3.gguf.ipull'])

    const task = store.pull('tiny', {
      onProgress: (event) => {
        if (event.phase === 'downloading') task.cancel()
      },
    })
    expect(await task.result).toEqual({ status: 'cancelled' })
    expect(await readdir(dir)).toEqual([])
    expect((await store.list())[0]).toMatchObject({ status: 'available' })
  })

  it('refuses a file whose size does not match the catalog, keeping nothing', async () => {
    server = await startRangeServer(tiny, { name: 'tiny-qwen3.gguf' })
    const catalog = catalogFor(server.url, tiny, { sizeBytes: 2_497_281_120, sha256: null })
    const error = await new ModelStore(dir, catalog).pull('tiny').result.catch((e: unknown) => e)
    expect(String((error as Error).message)).toMatch(
      /^The server offers a 637 KB file for Tiny test model, not 2\.5 GB, so it was not downloaded; it is not the right file\./,
    )
    expect(await readdir(dir)).toEqual([])
  })

  it('deletes a download whose checksum is wrong', async () => {
    server = await startRangeServer(tiny, {
      name: 'tiny-qwen3.gguf',
      chunkBytes: 64 * 1024,
      delayMs: 1,
    })
    const catalog = catalogFor(server.url, tiny, { sha256: 'f'.repeat(64) })
    const error = await new ModelStore(dir, catalog).pull('tiny').result.catch((e: unknown) => e)
    expect((error as Error).message).toMatch(
      /^The downloaded tiny-qwen3\.gguf does not match its published checksum, so it was deleted/,
    )
    expect(await readdir(dir)).toEqual([])
  })

  it('stops a download that goes quiet, keeping the finished parts', async () => {
    server = await startRangeServer(large, {
      name: 'tiny-qwen3.gguf',
      chunkBytes: 32 * 1024,
      delayMs: 15,
    })
    const quiet = server
    const task = new ModelStore(dir, catalogFor(server.url, large)).pull('tiny', {
      stallTimeoutMs: 1_000,
      onProgress: (event) => {
        // Past half way the downloader has finished (and saved) its first 5 MB block.
        if (event.phase === 'downloading' && event.downloadedBytes > large.length * 0.55)
          quiet.stall()
      },
    })
    const error = await task.result.catch((e: unknown) => e)
    expect((error as Error).message).toMatch(
      /^The download of Tiny test model stopped: nothing arrived for 1 s\. Pull again to resume; the parts already complete are kept\.$/,
    )
    expect(await readdir(dir)).toEqual(['tiny-qwen3.gguf.ipull'])
  })

  it('says so when the server cannot be reached', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as { port: number }
    await new Promise((resolve) => closed.close(resolve))
    const url = `http://127.0.0.1:${port}/tiny-qwen3.gguf`
    const error = await new ModelStore(dir, catalogFor(url, tiny))
      .pull('tiny')
      .result.catch((e: unknown) => e)
    expect((error as Error).message).toMatch(
      new RegExp(
        `^Could not reach 127\\.0\\.0\\.1:${port} to download Tiny test model \\(ECONNREFUSED\\)`,
      ),
    )
    expect((await stat(dir)).isDirectory()).toBe(true)
  })
})
