import { readFileSync } from 'node:fs'
import type { EngineStatus, QuireEvent } from '@shared/contract'
import type { SocketClient } from '../documents/socketClient'

/** Resident memory of a process in bytes (Linux /proc). */
export function rssBytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  if (!match?.[1]) throw new Error(`no VmRSS for process ${pid}`)
  return Number(match[1]) * 1024
}

/** The engine process `quire serve` forked: its only child. */
export function enginePid(servePid: number): number {
  const children = readFileSync(`/proc/${servePid}/task/${servePid}/children`, 'utf8')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map(Number)
  if (children.length !== 1) throw new Error(`expected one engine process, found ${children}`)
  return children[0] ?? 0
}

/** Polls `check` every 20 ms until it returns something, or fails after `timeoutMs`. */
export async function waitFor<T>(
  check: () => T | undefined,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const found = check()
    if (found !== undefined) return found
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** The request's last event (done or error), once it has come. */
export function ending(client: SocketClient, requestId: string, timeoutMs?: number) {
  return waitFor(
    () =>
      client.events.find(
        (event): event is Extract<QuireEvent, { type: 'done' | 'error' }> =>
          (event.type === 'done' || event.type === 'error') && event.requestId === requestId,
      ),
    `the end of ${requestId}`,
    timeoutMs,
  )
}

/** Waits until the engine reports `path` loaded and ready. */
export async function readyWith(client: SocketClient, path: string): Promise<void> {
  const deadline = Date.now() + 60_000
  for (;;) {
    const status = await client.call<EngineStatus>('getStatus')
    if (status.state === 'ready' && status.model?.path === path) return
    if (Date.now() > deadline) throw new Error(`the engine never got ready with ${path}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
