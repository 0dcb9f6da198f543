import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  createLocalClient,
  isGenerationEvent,
  type EngineStatus,
  type GenerationEvent,
  type QuireApi,
} from '@shared/contract'
import { stepRegistry } from '@shared/postprocess'
import type { HostToEngine } from '@core/engine/protocol'
import { EngineHost } from '@core/engine/host/engineHost'
import { LlamaEngine } from '@core/engine/worker/llamaEngine'
import { EnvSecretStore } from '@core/secrets/envSecretStore'
import { createQuireService, type RunningQuireService } from '@core/service/createQuireService'
import { TINY_MODEL_PATH, TINY_QWEN_VOCAB_MODEL_PATH } from '../fixtures/paths'
import { RESOURCES_DIR, sourceEngineLauncher } from '../support/engineLauncher'
import { messagesJob, quiet } from '../support/engineJobs'
import { testSampling } from '../support/sampling'

/** A prompt of the writer's own with a budget of three words, and room for far more. */
const BUDGET_PROMPT = `---
id: test.budget
kind: rewrite
title: Three words
description: A rewrite cut to three words.
preset: creative
maxTokens: 400
apply: replace
postprocess: [{trim-length: 3}]
persona: default
---
## Role
You are a writer.

## Style
Rewrite the passage in plain words.

## Constraint
- Three words at most.

## Input
{{selection}}
`

type Client = QuireApi & { close(): void; events: GenerationEvent[] }

/** One client of the service, keeping its generation events. */
function connect(service: RunningQuireService): Client {
  const api = createLocalClient(service)
  const events: GenerationEvent[] = []
  api.onEvent((event) => {
    if (isGenerationEvent(event)) events.push(event)
  })
  return Object.assign(api, { events })
}

/** Resolves with a request's events once its `done` or `error` has come. */
async function finished(client: Client, requestId: string, timeoutMs = 30_000) {
  const started = Date.now()
  for (;;) {
    const own = client.events.filter((event) => event.requestId === requestId)
    if (own.some((event) => event.type === 'done' || event.type === 'error')) return own
    if (Date.now() - started > timeoutMs) throw new Error(`${requestId} did not end`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

const doneOf = (events: GenerationEvent[]) => {
  const done = events.find((event) => event.type === 'done')
  if (!done || done.type !== 'done') throw new Error(JSON.stringify(events.at(-1)))
  return done
}

describe('the GenerationService on the tiny model (one engine process, one sequence)', () => {
  let service: RunningQuireService
  /** Every message the host sent the engine process. */
  const sent: HostToEngine[] = []
  /** The type of every message the engine process sent the host. */
  const received: string[] = []

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'quire-generation-'))
    mkdirSync(join(dataDir, 'prompts', 'en'), { recursive: true })
    writeFileSync(join(dataDir, 'prompts', 'en', 'test.budget.md'), BUDGET_PROMPT)
    const launch = sourceEngineLauncher()
    service = await createQuireService({
      resourcesDir: RESOURCES_DIR,
      dataDir,
      secrets: new EnvSecretStore(),
      rememberModel: false,
      engineOverrides: { threads: 1, contextSize: 2048, sequences: 1, gpu: 'off' },
      launchEngine: () => {
        const channel = launch()
        channel.onMessage((message) => received.push((message as { type: string }).type))
        return {
          ...channel,
          send: (message) => {
            sent.push(message)
            channel.send(message)
          },
        }
      },
    })
  }, 60_000)
  afterAll(() => service?.dispose())

  /** Loads the tiny model unless it is loaded (so each test can also run alone). */
  const ready = async () => {
    if (!service.backend().getStatus().model) await service.loadModel(TINY_MODEL_PATH)
  }

  const rewrite = (requestId: string, extra: object = {}) => ({
    requestId,
    promptId: 'rewrite.lyrical',
    selection: 'The rain fell on the roof all night.',
    language: 'en' as const,
    seed: 5,
    maxTokens: 24,
    ...extra,
  })

  it('says there is no model when none is loaded or loading', async () => {
    const client = connect(service)
    const requestId = crypto.randomUUID()
    await client.generate(rewrite(requestId))
    expect(await finished(client, requestId)).toMatchObject([{ type: 'error', code: 'no-model' }])
    client.close()
  })

  it('waits for a model that is loading, then streams from it', async () => {
    const client = connect(service)
    const load = service.loadModel(TINY_MODEL_PATH)
    const requestId = crypto.randomUUID()
    await client.generate(rewrite(requestId))
    const events = await finished(client, requestId)
    await load
    expect(events[0]).toEqual({ type: 'waiting', requestId, reason: 'model-loading' })
    expect(events.map((event) => event.type)).toContain('started')
    expect(events.filter((event) => event.type === 'delta').length).toBeGreaterThan(0)
    expect(doneOf(events).text.length).toBeGreaterThan(0)
    client.close()
  }, 60_000)

  it('fits a long text before the selection in the engine process, in one message, and starts with exactly what the engine evaluated', async () => {
    await ready()
    const client = connect(service)
    const before = Array.from({ length: 300 }, (_, i) => `Sentence ${i} of the story.`).join(' ')
    const requestId = crypto.randomUUID()
    const from = sent.length
    const fromReceived = received.length
    await client.generate(rewrite(requestId, { promptId: 'continue.sentence', before }))
    const events = await finished(client, requestId)
    const started = events.find((event) => event.type === 'started')
    if (started?.type !== 'started') throw new Error('no started event')
    const done = doneOf(events)
    // One message to the engine for the whole request, however much fitting it took.
    expect(sent.slice(from).map((message) => message.type)).toEqual(['generate'])
    // …and the engine answered with where it started, its text and its end: no tokenize round trips.
    const answers = received
      .slice(fromReceived)
      .filter((type) => type !== 'delta' && type !== 'log')
    expect(answers).toEqual(['started', 'done'])
    expect(started.trimmedBefore).toBe(true)
    const user = started.messages.at(-1)?.content ?? ''
    expect(user).toContain('Sentence 299 of the story.')
    expect(user).not.toContain('Sentence 0 of')
    expect(started).toMatchObject({ attempt: 1, seed: 5, maxTokens: 24, model: expect.any(String) })
    expect(started.messages[0]?.role).toBe('system')

    // The same messages, sent as they are to another engine, are the same number of tokens.
    const engine = new LlamaEngine()
    await engine.load({ path: TINY_MODEL_PATH, threads: 1, contextSize: 2048, gpu: 'off' })
    const again = await engine.generate(
      messagesJob({
        system: started.messages[0]?.content ?? '',
        user,
        sampling: testSampling({ maxTokens: 1 }),
      }),
      quiet,
    )
    await engine.dispose()
    expect(again.stats.promptTokens).toBe(done.stats.promptTokens)
    client.close()
  }, 60_000)

  it('sends a request’s events only to the client that asked', async () => {
    await ready()
    const asking = connect(service)
    const watching = connect(service)
    const requestId = crypto.randomUUID()
    await asking.generate(rewrite(requestId))
    await finished(asking, requestId)
    expect(watching.events).toEqual([])
    asking.close()
    watching.close()
  }, 30_000)

  it('never runs a request cancelled before it arrived', async () => {
    await ready()
    const client = connect(service)
    const requestId = crypto.randomUUID()
    const from = sent.length
    expect(await client.cancel({ requestId })).toEqual({ cancelled: true })
    await client.generate(rewrite(requestId))
    const events = await finished(client, requestId)
    expect(events).toMatchObject([
      { type: 'done', text: '', stats: { stopReason: 'abort', generatedTokens: 0 } },
    ])
    expect(sent.slice(from)).toEqual([])
    client.close()
  })

  it('cancels a request queued behind another, which goes on to its end', async () => {
    await ready()
    const client = connect(service)
    const first = crypto.randomUUID()
    const queued = crypto.randomUUID()
    // Cancelled the moment it says it waits: the first answer is short (about 60 tokens, 0.1 s),
    // and a test that polled for the event before cancelling lost that race on a busy machine.
    let cancelling: Promise<unknown> | null = null
    const stop = client.onEvent((event) => {
      if (isGenerationEvent(event) && event.requestId === queued && event.type === 'waiting')
        cancelling ??= client.cancel({ requestId: queued })
    })
    await client.generate(rewrite(first, { maxTokens: 300, seed: 1 }))
    await client.generate(rewrite(queued))
    const cancelled = await finished(client, queued)
    stop()
    expect(cancelling).not.toBeNull()
    await cancelling
    expect(cancelled[0]).toEqual({ type: 'waiting', requestId: queued, reason: 'queued' })
    expect(cancelled.map((event) => event.type)).toEqual(['waiting', 'done'])
    expect(doneOf(cancelled).stats).toMatchObject({ stopReason: 'abort', generatedTokens: 0 })
    expect(doneOf(await finished(client, first)).text.length).toBeGreaterThan(0)
    client.close()
  }, 60_000)

  it('retries a wrong-language answer once, with a second started carrying the firmer prompt', async () => {
    await ready()
    const client = connect(service)
    const requestId = crypto.randomUUID()
    // The tiny model writes English words whatever it is asked: a Chinese request is retried.
    await client.generate(rewrite(requestId, { selection: '秋天的雨落在屋顶上。', language: 'zh' }))
    const events = await finished(client, requestId)
    const starts = events.filter((event) => event.type === 'started')
    expect(starts.map((event) => event.type === 'started' && event.attempt)).toEqual([1, 2])
    const [first, second] = starts
    if (first?.type !== 'started' || second?.type !== 'started') throw new Error('no starts')
    expect(second.messages.at(-1)?.content).toBe(
      `${first.messages.at(-1)?.content}\n\n重要：只用简体中文写作。除专有名词外，不要使用英文。`,
    )
    expect(events.map((event) => event.type)).toContain('retry')
    expect(doneOf(events).retried).toBe(true)
    client.close()
  }, 60_000)

  it('stops at the first sentence end past a trim-length budget instead of writing to maxTokens', async () => {
    await ready()
    const client = connect(service)
    const requestId = crypto.randomUUID()
    // Seed 1 writes on past its first sentence; the tiny model ends many answers sooner by itself.
    await client.generate(
      rewrite(requestId, { promptId: 'test.budget', maxTokens: undefined, seed: 1 }),
    )
    const done = doneOf(await finished(client, requestId))
    expect(done.stats.stopReason).toBe('budget')
    expect(done.stats.generatedTokens).toBeLessThan(400)
    expect(done.flags.truncated).toBe(true)
    expect(done.raw.startsWith(done.text)).toBe(true)
    client.close()
  }, 60_000)

  it('keeps the raw answer, flagged, when a cleaning step throws, and serves the next request', async () => {
    await ready()
    const client = connect(service)
    const broken = vi.spyOn(stepRegistry, 'strip-preamble').mockImplementation(() => {
      throw new SyntaxError('Regular expression too large')
    })
    const first = crypto.randomUUID()
    try {
      await client.generate(rewrite(first))
      const done = doneOf(await finished(client, first))
      expect(done.raw.length).toBeGreaterThan(0)
      expect(done.text).toBe(done.raw)
      expect(done.changes).toEqual([])
      expect(done.flags.postprocessFailed).toBe('strip-preamble')
    } finally {
      broken.mockRestore()
    }
    const second = crypto.randomUUID()
    await client.generate(rewrite(second))
    const next = doneOf(await finished(client, second))
    expect(next.flags.postprocessFailed).toBeUndefined()
    expect(next.text.length).toBeGreaterThan(0)
    client.close()
  }, 60_000)

  it('runs a Compare across two models: A on the model in use, B in a second engine process, and the first model stays loaded', async () => {
    await ready()
    const other = await service.models.add(TINY_QWEN_VOCAB_MODEL_PATH)
    const client = connect(service)
    const statuses: EngineStatus[] = []
    client.onEvent((event) => {
      if (event.type === 'status') statuses.push(event.status)
    })
    const engines = received.filter((type) => type === 'ready').length
    const [a, b] = [crypto.randomUUID(), crypto.randomUUID()]
    await Promise.all([
      client.generate(rewrite(a, { maxTokens: 12 })),
      client.generate(rewrite(b, { maxTokens: 12, overrides: { model: other.id } })),
    ])
    const [eventsA, eventsB] = await Promise.all([finished(client, a), finished(client, b)])
    const startedOf = (events: GenerationEvent[]) => {
      const started = events.find((event) => event.type === 'started')
      if (started?.type !== 'started') throw new Error(JSON.stringify(events.at(-1)))
      return started
    }
    // Each side names the model it ran on, so the vote stores two configurations.
    expect(startedOf(eventsA).configuration?.model).toBe('Quire tiny test model')
    expect(startedOf(eventsB).configuration?.model).toBe(other.summary.name)
    expect(startedOf(eventsB).fingerprint).not.toBe(startedOf(eventsA).fingerprint)
    expect(eventsB[0]).toEqual({ type: 'waiting', requestId: b, reason: 'model-loading' })
    for (const events of [eventsA, eventsB]) {
      expect(events.filter((event) => event.type === 'delta').length).toBeGreaterThan(0)
      expect(doneOf(events).raw.length).toBeGreaterThan(0)
    }
    // One more engine process started; the main engine neither reloaded nor changed model.
    expect(received.filter((type) => type === 'ready').length).toBe(engines + 1)
    expect(statuses.filter((status) => status.state !== 'ready')).toEqual([])
    expect(service.backend().getStatus().model?.path).toBe(TINY_MODEL_PATH)

    // When the other model fits only in its place, the main engine unloads and comes back.
    const main = service.backend()
    if (!(main instanceof EngineHost)) throw new Error('the tiny model runs locally')
    const giveBack = await main.lend('lent', { key: 'model-lent-to-compare' })
    expect(main.getStatus()).toMatchObject({ state: 'loading', model: null })
    await giveBack()
    expect(main.getStatus()).toMatchObject({ state: 'ready', model: { path: TINY_MODEL_PATH } })
    client.close()
  }, 90_000)
})
