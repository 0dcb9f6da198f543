import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { MAX_WIRE_BYTES } from '@shared/documents'
import { socketProtocols, startQuireServe, type ServeProcess } from '../../support/quireServe'

/** Opens the contract's socket as the page would: the token in the handshake, the server's own origin. */
function openSocket(serve: ServeProcess): Promise<WebSocket> {
  const socket = new WebSocket(
    `${serve.origin.replace(/^http/, 'ws')}/ws`,
    socketProtocols(serve),
    {
      origin: serve.origin,
    },
  )
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket))
    socket.once('error', reject)
  })
}

const closed = (socket: WebSocket) =>
  new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)))

/** One contract call over a fresh socket: the server is alive and serving. */
async function getStatus(serve: ServeProcess): Promise<unknown> {
  const socket = await openSocket(serve)
  const answer = new Promise<unknown>((resolve) =>
    socket.once('message', (data) => resolve(JSON.parse(String(data)))),
  )
  socket.send(JSON.stringify({ kind: 'call', id: 1, method: 'getStatus' }))
  const message = await answer
  socket.close()
  return message
}

describe('quire serve and frames it must refuse', () => {
  let serve: ServeProcess
  beforeAll(async () => {
    serve = await startQuireServe([])
  })
  afterAll(() => serve?.stop())

  it('closes only the socket that sent invalid UTF-8, and keeps serving', async () => {
    const socket = await openSocket(serve)
    const code = closed(socket)
    socket.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false })
    expect(await code).not.toBe(1000)
    expect(await getStatus(serve)).toMatchObject({ kind: 'result', id: 1, ok: true })
  })

  it('closes only the socket that sent a frame over the limit, and keeps serving', async () => {
    const socket = await openSocket(serve)
    const code = closed(socket)
    socket.send(Buffer.alloc(MAX_WIRE_BYTES + 1024, 0x20))
    expect(await code).toBe(1009)
    expect(await getStatus(serve)).toMatchObject({ kind: 'result', id: 1, ok: true })
  })
})
