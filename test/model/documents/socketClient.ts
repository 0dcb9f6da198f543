import WebSocket from 'ws'
import type { QuireEvent } from '@shared/contract'

/** A bare contract client over the WebSocket transport of a running `quire serve`. */
export type SocketClient = {
  call<T = unknown>(method: string, params?: unknown): Promise<T>
  events: QuireEvent[]
  close(): void
}

export async function connectSocket(pageUrl: string): Promise<SocketClient> {
  const page = new URL(pageUrl)
  const token = new URLSearchParams(page.hash.slice(1)).get('token')
  const socket = new WebSocket(`ws://${page.host}/ws`, ['quire', `quire.token.${token}`], {
    maxPayload: 256 * 1024 * 1024,
  })
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('error', reject)
  })
  let next = 1
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>()
  const events: QuireEvent[] = []
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString())
    if (message.kind === 'event') return void events.push(message.event)
    const waiter = pending.get(message.id)
    pending.delete(message.id)
    if (message.ok) waiter?.resolve(message.value)
    else
      waiter?.reject(Object.assign(new Error(message.error.message), { code: message.error.code }))
  })
  socket.on('close', (code, reason) => {
    for (const waiter of pending.values())
      waiter.reject(new Error(`socket closed ${code} ${reason.toString()}`))
    pending.clear()
  })
  return {
    call: <T>(method: string, params?: unknown) =>
      new Promise<T>((resolve, reject) => {
        const id = next++
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject })
        socket.send(JSON.stringify({ kind: 'call', id, method, params }))
      }),
    events,
    close: () => socket.close(),
  }
}
