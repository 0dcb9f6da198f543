import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { DoneEvent, EngineStatus, QuireEvent, StartedEvent } from '../../src/shared/contract'
import { startQuireServe, type ServeProcess } from '../../test/support/quireServe'
import { BENCH_PROMPT_ID, installBenchPrompt } from './benchPrompt'
import { connectBench, type BenchClient } from './socketClient'

/** A running `quire serve` with the bench action installed and a model loaded, and a client. */
export type BenchServe = { serve: ServeProcess; client: BenchClient; dataDir: string }

/** Starts the built `quire serve` on `model`, waits until it is ready and connects a client. */
export async function startBenchServe(
  model: string,
  threads: number,
  env: Record<string, string> = {},
): Promise<BenchServe> {
  const dataDir = mkdtempSync(join(tmpdir(), 'quire-bench-'))
  installBenchPrompt(dataDir)
  const serve = await startQuireServe(
    ['--model', model, '--threads', String(threads)],
    dataDir,
    undefined,
    env,
  )
  const client = await connectBench(serve.url)
  await waitForReady(client)
  return { serve, client, dataDir }
}

/** Resolves once the engine reports a loaded model. */
export async function waitForReady(client: BenchClient, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const status = await client.call<EngineStatus>('getStatus')
    if (status.state === 'ready') return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error('the model did not load in time')
}

/** What one action looked like from the client: when things arrived, and what the host said. */
export type ActionTiming = {
  sentAt: number
  firstDeltaAt: number
  doneAt: number
  deltas: number
  started: StartedEvent
  done: DoneEvent
}

export type ActionOptions = { selection: string; maxTokens: number; seed: number }

/** Runs the bench action over the WebSocket and times it at the client. */
export function runAction(client: BenchClient, options: ActionOptions): Promise<ActionTiming> {
  const requestId = crypto.randomUUID()
  let started: StartedEvent | null = null
  let firstDeltaAt = Number.NaN
  let deltas = 0
  return new Promise((resolve, reject) => {
    const stop = client.onEvent((event: QuireEvent, at) => {
      if (!('requestId' in event) || event.requestId !== requestId) return
      if (event.type === 'started') started = event
      else if (event.type === 'delta') {
        // The contract: `started` (the exact prompt) comes before any text.
        if (!started) {
          stop()
          return reject(new Error('a delta before started'))
        }
        if (deltas++ === 0) firstDeltaAt = at
      } else if (event.type === 'done') {
        stop()
        if (!started) return reject(new Error('done before started'))
        resolve({ sentAt, firstDeltaAt, doneAt: at, deltas, started, done: event })
      } else if (event.type === 'error') {
        stop()
        reject(new Error(`${event.code}: ${event.message}`))
      }
    })
    const sentAt = performance.now()
    client
      .call('generate', {
        requestId,
        promptId: BENCH_PROMPT_ID,
        selection: options.selection,
        language: 'en',
        maxTokens: options.maxTokens,
        seed: options.seed,
      })
      .catch((error: unknown) => {
        stop()
        reject(error instanceof Error ? error : new Error(String(error)))
      })
  })
}

/** Tokens per second once streaming began, counted as the engine counts them. */
export function streamingSpeed(tokens: number, firstAt: number, lastAt: number): number {
  const seconds = (lastAt - firstAt) / 1000
  return seconds > 0 ? (tokens - 1) / seconds : 0
}

export { BENCH_PROMPT_ID }
