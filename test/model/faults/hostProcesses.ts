import type { EngineStatus, QuireEvent } from '@shared/contract'
import type { SocketClient } from '../documents/socketClient'

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

export { enginePid, rssBytes } from '../../support/processes'
