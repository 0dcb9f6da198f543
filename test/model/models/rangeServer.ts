/** A throttled HTTP file server on 127.0.0.1 that honours Range requests, for download tests. */
import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

export type ServedRequest = { method: string; range: string | null; start: number; end: number }

export type RangeServer = {
  url: string
  /** Every GET/HEAD for the file, with the byte range it asked for (end exclusive). */
  requests: ServedRequest[]
  /** Stops sending file bytes (connections stay open) — the network going quiet. */
  stall(): void
  close(): Promise<void>
}

export type RangeServerOptions = {
  name: string
  /** Bytes written per tick, and the pause between ticks, per response. */
  chunkBytes?: number
  delayMs?: number
  /** The server closes itself after this long whatever happens, so a failed test cannot hang. */
  lifetimeMs?: number
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Starts the server; `close()` it when done (it also closes itself after `lifetimeMs`). */
export async function startRangeServer(
  file: Uint8Array,
  { name, chunkBytes = 32 * 1024, delayMs = 10, lifetimeMs = 30_000 }: RangeServerOptions,
): Promise<RangeServer> {
  const requests: ServedRequest[] = []
  const sockets = new Set<Socket>()
  let stalled = false
  let closed = false

  const send = async (res: ServerResponse, start: number, end: number) => {
    for (let at = start; at < end && !res.destroyed && !closed;) {
      if (stalled) {
        await sleep(50)
        continue
      }
      const next = Math.min(end, at + chunkBytes)
      if (!res.write(file.subarray(at, next)))
        await new Promise<void>((resolve) => {
          const done = () => {
            res.off('drain', done).off('close', done)
            resolve()
          }
          res.on('drain', done).on('close', done)
        })
      at = next
      await sleep(delayMs)
    }
    res.end()
  }

  const server = createServer((req, res) => {
    if (req.url !== `/${name}`) return void res.writeHead(404).end()
    const match = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '')
    const start = match ? Number(match[1]) : 0
    const end = match?.[2] ? Math.min(file.length, Number(match[2]) + 1) : file.length
    requests.push({ method: req.method ?? 'GET', range: req.headers.range ?? null, start, end })
    if (start >= file.length || end <= start)
      return void res.writeHead(416, { 'content-range': `bytes */${file.length}` }).end()
    res.writeHead(match ? 206 : 200, {
      'accept-ranges': 'bytes',
      'content-type': 'application/octet-stream',
      'content-length': String(end - start),
      ...(match ? { 'content-range': `bytes ${start}-${end - 1}/${file.length}` } : {}),
    })
    if (req.method === 'HEAD') return void res.end()
    void send(res, start, end)
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const close = () => {
    if (closed) return Promise.resolve()
    closed = true
    clearTimeout(lifetime)
    for (const socket of sockets) socket.destroy()
    return new Promise<void>((resolve) => server.close(() => resolve()))
  }
  const lifetime = setTimeout(() => void close(), lifetimeMs)
  lifetime.unref()
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/${name}`,
    requests,
    stall: () => void (stalled = true),
    close,
  }
}
