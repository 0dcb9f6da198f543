import { performance } from 'node:perf_hooks'
import WebSocket from 'ws'
import { parseServerMessage, type QuireEvent } from '../../src/shared/contract'
import {
  PAGE_TOKEN_PARAM,
  SOCKET_PROTOCOL,
  SOCKET_TOKEN_PREFIX,
} from '../../src/shared/contract/socketProtocol'

/** A contract client over `quire serve`'s WebSocket that parses every message as the renderer does. */
export type BenchClient = {
  call<T = unknown>(method: string, params?: unknown): Promise<T>
  /** Called with each event and the moment it was parsed. */
  onEvent(listener: (event: QuireEvent, at: number) => void): () => void
  close(): void
}

/** Connects to the server behind a `quire serve` page address (token included). */
export async function connectBench(pageUrl: string): Promise<BenchClient> {
  const page = new URL(pageUrl)
  const token = new URLSearchParams(page.hash.slice(1)).get(PAGE_TOKEN_PARAM) ?? ''
  const socket = new WebSocket(
    `ws://${page.host}/ws`,
    [SOCKET_PROTOCOL, SOCKET_TOKEN_PREFIX + token],
    {
      origin: page.origin,
      maxPayload: 256 * 1024 * 1024,
    },
  )
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('error', reject)
  })
  let next = 1
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
  const listeners = new Set<(event: QuireEvent, at: number) => void>()
  socket.on('message', (data) => {
    const parsed = parseServerMessage(JSON.parse(data.toString()))
    const at = performance.now()
    if (!parsed.success) return
    const message = parsed.data
    if (message.kind === 'event') {
      for (const listener of listeners) listener(message.event, at)
      return
    }
    const waiter = pending.get(message.id)
    pending.delete(message.id)
    if (message.ok) waiter?.resolve(message.value)
    else waiter?.reject(new Error(`${message.error.code}: ${message.error.message}`))
  })
  socket.on('close', () => {
    for (const waiter of pending.values()) waiter.reject(new Error('the socket closed'))
    pending.clear()
  })
  return {
    call: <T>(method: string, params?: unknown) =>
      new Promise<T>((resolve, reject) => {
        const id = next++
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject })
        socket.send(JSON.stringify({ kind: 'call', id, method, params }))
      }),
    onEvent: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close: () => socket.close(),
  }
}
