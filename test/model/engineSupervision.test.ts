import { testSampling } from '../support/sampling'
import { afterEach, describe, expect, it } from 'vitest'
import type { EngineStatus, ErrorCode, GenerationStats } from '@shared/contract'
import type { EngineJob, FittedPrompt } from '@core/engine/backend'
import { EngineHost } from '@core/engine/host/engineHost'
import type { EngineLauncher } from '@core/engine/protocol'
import { sourceEngineLauncher } from '../support/engineLauncher'
import { CORRUPT_MODEL_PATHS, TINY_MODEL_PATH } from '../fixtures/paths'

const sampling = testSampling({ temperature: 0.8, topP: 0.9, repeatPenalty: 1.1, maxTokens: 24 })

/** What the host reported: its status changes and every run's events, in order. */
type QuireEvent =
  | { type: 'status'; status: EngineStatus }
  | { type: 'started'; requestId: string; prompt: FittedPrompt }
  | { type: 'delta'; requestId: string; text: string }
  | { type: 'done'; requestId: string; text: string; stats: GenerationStats }
  | { type: 'error'; requestId: string; code: ErrorCode; message: string }

function startHost(
  events: QuireEvent[],
  launch: EngineLauncher = sourceEngineLauncher(),
): EngineHost {
  return new EngineHost({
    launch,
    threads: 1,
    contextSize: 2048,
    gpu: 'off',
    gpuLayers: 0,
    sequences: 2,
    onStatus: (status) => events.push({ type: 'status', status }),
  })
}

/** Runs a job with ready messages on the host, logging its events under its run id. */
function generate(
  host: EngineHost,
  events: QuireEvent[],
  job: { requestId: string; system: string; user: string; seed: number; sampling: typeof sampling },
  prompt?: EngineJob['prompt'],
): void {
  const requestId = job.requestId
  host.run(
    {
      runId: requestId,
      prompt: prompt ?? { kind: 'messages', system: job.system, user: job.user },
      sampling: job.sampling,
      seed: job.seed,
    },
    {
      queued: () => {},
      started: (fitted) => events.push({ type: 'started', requestId, prompt: fitted }),
      delta: (text) => events.push({ type: 'delta', requestId, text }),
      done: (text, stats) => events.push({ type: 'done', requestId, text, stats }),
      error: (code, message) => events.push({ type: 'error', requestId, code, message }),
    },
  )
}

function waitFor<T>(
  events: QuireEvent[],
  pick: (event: QuireEvent) => T | undefined,
  timeoutMs = 30_000,
): Promise<T> {
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const poll = (): void => {
      for (const event of events) {
        const found = pick(event)
        if (found !== undefined) return resolve(found)
      }
      if (Date.now() - started > timeoutMs)
        return reject(new Error('timed out waiting for an engine event'))
      setTimeout(poll, 20)
    }
    poll()
  })
}

const readyWith =
  (path: string) =>
  (event: QuireEvent): EngineStatus | undefined =>
    event.type === 'status' && event.status.state === 'ready' && event.status.model?.path === path
      ? event.status
      : undefined

describe('the supervised engine process', () => {
  let host: EngineHost | null = null
  afterEach(() => host?.dispose())

  it('streams a generation from the child process', async () => {
    const events: QuireEvent[] = []
    host = startHost(events)
    await host.start()
    await host.loadModel(TINY_MODEL_PATH)
    generate(host, events, {
      requestId: 'r1',
      system: 'You are a writer.',
      user: 'Rewrite: the rain on the roof.',
      sampling,
      seed: 1,
    })
    const done = await waitFor(events, (e) =>
      e.type === 'done' && e.requestId === 'r1' ? e : undefined,
    )
    const deltas = events
      .filter((e) => e.type === 'delta' && e.requestId === 'r1')
      .map((e) => (e.type === 'delta' ? e.text : ''))
    expect(deltas.join('')).toBe(done.text)
    expect(done.text.length).toBeGreaterThan(0)
  })

  it.each([
    ['block-count-zero', /GGML_ASSERT\(hparams\.n_layer/],
    ['duplicate-vocab', /GGML_ASSERT\(id_to_token\.size\(\) == token_to_id\.size\(\)\)/],
  ] as const)(
    'survives a model that aborts llama.cpp natively (%s), restarts and reloads the last good model',
    async (kind, assertion) => {
      const events: QuireEvent[] = []
      host = startHost(events)
      await host.start()
      await host.loadModel(TINY_MODEL_PATH)

      const path = CORRUPT_MODEL_PATHS[kind]
      const failure = await host.loadModel(path).then(
        () => null,
        (error: unknown) => error as { code: string; message: string },
      )
      expect(failure?.code).toBe('engine-stopped')
      expect(failure?.message).toMatch(
        new RegExp(
          `^The engine stopped while loading ${path.split('/').pop()?.replace('.', '\\.')}: `,
        ),
      )
      expect(failure?.message).toMatch(assertion)

      // The host restarts the engine and brings back the model that worked.
      await waitFor(events, (e) =>
        e.type === 'status' && e.status.state === 'restarting' ? true : undefined,
      )
      const restartAt = events.findIndex(
        (e) => e.type === 'status' && e.status.state === 'restarting',
      )
      const afterRestart = await waitFor(events, (e) =>
        events.indexOf(e) > restartAt ? readyWith(TINY_MODEL_PATH)(e) : undefined,
      )
      expect(afterRestart.notice).toMatch(
        /stopped while loading .*restarted it; your document is untouched/,
      )

      generate(host, events, {
        requestId: 'after',
        system: 'You are a writer.',
        user: 'Rewrite: a quiet harbour.',
        sampling,
        seed: 2,
      })
      const done = await waitFor(events, (e) =>
        e.type === 'done' && e.requestId === 'after' ? e : undefined,
      )
      expect(done.text.length).toBeGreaterThan(0)
    },
  )

  it('reports a truncated file with llama.cpp’s own reason and keeps the loaded model', async () => {
    const events: QuireEvent[] = []
    host = startHost(events)
    await host.start()
    await host.loadModel(TINY_MODEL_PATH)
    await expect(host.loadModel(CORRUPT_MODEL_PATHS.truncated)).rejects.toMatchObject({
      code: 'model-load-failed',
      message: expect.stringMatching(/not within the file bounds/),
    })
    expect(host.getStatus()).toMatchObject({ state: 'ready', model: { path: TINY_MODEL_PATH } })
  })

  it('fails a generation in flight with a clear error when the engine dies', async () => {
    const events: QuireEvent[] = []
    host = startHost(events)
    await host.start()
    await host.loadModel(TINY_MODEL_PATH)
    generate(host, events, {
      requestId: 'doomed',
      system: 'You are a writer.',
      user: 'Go on.',
      sampling: { ...sampling, maxTokens: 4000, temperature: 0 },
      seed: 1,
    })
    await waitFor(events, (e) =>
      e.type === 'delta' && e.requestId === 'doomed' ? true : undefined,
    )
    void host.loadModel(CORRUPT_MODEL_PATHS['block-count-zero']).catch(() => {})
    const error = await waitFor(events, (e) =>
      e.type === 'error' && e.requestId === 'doomed' ? e : undefined,
    )
    expect(error.code).toBe('engine-stopped')
  })
})
