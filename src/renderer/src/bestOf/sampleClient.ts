import {
  isGenerationEvent,
  toErrorPayload,
  type GenerateRequest,
  type QuireApi,
} from '@shared/contract'
import type { SampleAction } from './sampleSet'

/** Several requests under way at once, each under its own id. */
export type SampleRun = {
  requests: { requestId: string; seed: number }[]
  /** Cancels every request still running. */
  cancel(): void
  /** Stops listening (and cancels what still runs). */
  dispose(): void
}

/**
 * Sends one request per seed, all at once (the local engine runs them on parallel sequences;
 * a remote server batches them), and reports each one's events by its id. Deltas are gathered
 * and reported once per animation frame, so N streams cost one render a frame, not one a token.
 */
export function runSamples(
  api: QuireApi,
  request: GenerateRequest,
  seeds: readonly number[],
  report: (action: SampleAction) => void,
): SampleRun {
  const requests = seeds.map((seed) => ({ requestId: crypto.randomUUID() as string, seed }))
  const open = new Set<string>(requests.map((r) => r.requestId))
  const pending = new Map<string, { text: string; tokens: number }>()
  let frame: number | null = null
  const flush = (): void => {
    if (frame !== null) cancelAnimationFrame(frame)
    frame = null
    for (const [requestId, delta] of pending) report({ type: 'deltas', requestId, ...delta })
    pending.clear()
  }
  const unsubscribe = api.onEvent((event) => {
    if (!isGenerationEvent(event) || !open.has(event.requestId)) return
    if (event.type === 'delta') {
      const gathered = pending.get(event.requestId)
      pending.set(event.requestId, {
        text: (gathered?.text ?? '') + event.text,
        tokens: event.tokens,
      })
      frame ??= requestAnimationFrame(flush)
      return
    }
    flush()
    if (event.type === 'done' || event.type === 'error') open.delete(event.requestId)
    report({ type: 'event', event })
  })
  for (const { requestId, seed } of requests) {
    api.generate({ ...request, requestId, seed }).catch((error: unknown) => {
      if (!open.delete(requestId)) return
      const { code, message, key, params } = toErrorPayload(error)
      report({ type: 'failed', requestId, code, message, key, params })
    })
  }
  const cancel = (): void => {
    for (const requestId of open) void api.cancel({ requestId }).catch(() => {})
  }
  return {
    requests,
    cancel,
    dispose() {
      cancel()
      open.clear()
      if (frame !== null) cancelAnimationFrame(frame)
      unsubscribe()
    },
  }
}
