import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RemoteBackend, type RemoteBackendOptions } from '@core/engine/remote/remoteBackend'
import { DEFAULT_SAMPLING } from '@core/openai/chatRequest'
import { engineJobOf, EventLog, type TestJob } from './support/events'
import { startServeWithModel, type RunningServe } from './support/quireServe'

// A second `quire serve` with the tiny model plays the OpenAI-compatible server.
let serve: RunningServe

beforeAll(async () => {
  serve = await startServeWithModel()
})
afterAll(() => serve?.stop())

function backend(options: Partial<RemoteBackendOptions> = {}) {
  const log = new EventLog()
  const remote = new RemoteBackend({
    baseUrl: serve.base,
    model: '',
    timeoutMs: 10_000,
    contextSize: 4096,
    apiKey: async () => serve.token,
    onStatus: log.onStatus,
    ...options,
  })
  return { remote, log }
}

let nextId = 0
const job = (overrides: Partial<TestJob> = {}): TestJob => ({
  requestId: `remote-${nextId++}`,
  system: 'You are a careful editor.',
  user: 'Rewrite: the harbour was quiet at dawn.',
  sampling: { ...DEFAULT_SAMPLING, maxTokens: 48 },
  seed: 7,
  ...overrides,
})

async function generate(remote: RemoteBackend, log: EventLog, request: TestJob) {
  remote.run(engineJobOf(request), log.sink(request.requestId))
  return log.end(request.requestId)
}

describe('RemoteBackend against quire serve', () => {
  it('is ready with the model the server lists once it answers', async () => {
    const { remote } = backend({ baseUrl: `${serve.base}/v1/` })
    expect(remote.getStatus().state).toBe('starting')
    const status = await remote.start()
    expect(status).toMatchObject({
      state: 'ready',
      notice: null,
      model: { name: 'Quire tiny test model', backend: 'remote', path: serve.base },
    })
  })

  it('streams deltas whose concatenation is the final text, with the server’s token counts', async () => {
    const { remote, log } = backend()
    await remote.start()
    const request = job()
    const end = await generate(remote, log, request)
    if (end.type !== 'done') throw new Error(end.message)
    const deltas = log.deltas(request.requestId)
    expect(deltas.length).toBeGreaterThan(1)
    expect(deltas.map((delta) => delta.seq)).toEqual(deltas.map((_, index) => index))
    expect(deltas.map((delta) => delta.text).join('')).toBe(end.text)
    expect(end.text.length).toBeGreaterThan(0)
    expect(end.stats.stopReason).toMatch(/^(eos|max-tokens)$/)
    expect(end.stats.generatedTokens).toBeLessThanOrEqual(48)
    expect(end.stats.generatedTokens).toBeGreaterThan(0)
    expect(end.stats.promptTokens).toBeGreaterThan(10)
    expect(end.stats.timeToFirstTokenMs).not.toBeNull()
  })

  it('gives the same text for the same seed, another for another, and carries earlier turns', async () => {
    const { remote, log } = backend()
    await remote.start()
    const first = await generate(remote, log, job({ seed: 11 }))
    const second = await generate(remote, log, job({ seed: 11 }))
    expect(first.type === 'done' && second.type === 'done').toBe(true)
    if (first.type !== 'done' || second.type !== 'done') return
    expect(second.text).toBe(first.text)
    // …and the seed does reach the server: another one writes something else.
    const other = await generate(remote, log, job({ seed: 12 }))
    if (other.type !== 'done') throw new Error(other.message)
    expect(other.text).not.toBe(first.text)
    const withTurns = await generate(
      remote,
      log,
      job({
        seed: 11,
        turns: [
          { role: 'user', content: 'Describe the sea.' },
          { role: 'assistant', content: 'Grey, and very still.' },
        ],
      }),
    )
    if (withTurns.type !== 'done') throw new Error(withTurns.message)
    expect(withTurns.stats.promptTokens).toBeGreaterThan(first.stats.promptTokens)
  })

  it('stops on cancel with the text so far, a prefix of the whole answer', async () => {
    const { remote, log } = backend()
    await remote.start()
    const whole = await generate(remote, log, job({ seed: 3 }))
    if (whole.type !== 'done') throw new Error(whole.message)
    const request = job({ seed: 3 })
    // Stop as soon as the first words arrive, as a writer pressing Stop would.
    log.tap = (event) => {
      if (event.type === 'delta' && event.requestId === request.requestId)
        remote.cancel(request.requestId)
    }
    const end = await generate(remote, log, request)
    if (end.type !== 'done') throw new Error(end.message)
    expect(end.stats.stopReason).toBe('abort')
    expect(end.text).toBe(
      log
        .deltas(request.requestId)
        .map((delta) => delta.text)
        .join(''),
    )
    expect(end.text.length).toBeGreaterThan(0)
    expect(end.text.length).toBeLessThan(whole.text.length)
    expect(whole.text.startsWith(end.text)).toBe(true)
    expect(remote.cancel('no-such-request')).toBe(false)
  })

  it('stops at the deadline with what it has', async () => {
    const { remote, log } = backend()
    await remote.start()
    const end = await generate(remote, log, job({ deadlineAt: Date.now() - 1 }))
    expect(end).toMatchObject({ type: 'done', stats: { stopReason: 'deadline' } })
  })

  it.each([
    ['a wrong key', async () => 'not-the-token', /refused Quire's API key \(401/],
    ['no key', async () => null, /needs an API key \(401/],
  ])('explains a 401 with %s, in the status and on generate', async (_name, apiKey, message) => {
    const { remote, log } = backend({ apiKey })
    const status = await remote.start()
    expect(status.state).toBe('idle')
    expect(status.notice).toMatch(message)
    const end = await generate(remote, log, job())
    expect(end).toMatchObject({ type: 'error', code: 'unauthorized' })
    if (end.type === 'error') expect(end.message).toMatch(message)
    await expect(remote.loadModel('')).rejects.toThrow(message)
  })

  it('names the address when the base path is wrong (404)', async () => {
    const { remote } = backend({ baseUrl: `${serve.base}/v1/openai` })
    const status = await remote.start()
    expect(status.state).toBe('idle')
    expect(status.notice).toContain(
      `There is no OpenAI-compatible API at ${serve.base}/v1/openai/v1 (404`,
    )
  })

  it('becomes ready again after reconfiguring to the right address', async () => {
    const { remote } = backend({ baseUrl: `${serve.base}/v1/openai` })
    expect((await remote.start()).state).toBe('idle')
    await remote.configure({
      local: { threads: 1, contextSize: 4096, gpu: 'off', gpuLayers: 0, sequences: 1 },
      remote: { baseUrl: serve.base, model: '', timeoutMs: 10_000, contextSize: 2048 },
    })
    expect(remote.getStatus()).toMatchObject({
      state: 'ready',
      model: { contextSize: 2048 },
    })
    // Prompts are fitted to the new context: one that cannot fit in 2048 tokens is refused.
    const log = new EventLog()
    const selection = 'word '.repeat(2000)
    remote.run(
      {
        runId: 'too-long',
        prompt: {
          kind: 'fit',
          system: '',
          user: selection,
          marker: '@@',
          before: '',
          bareUser: selection,
          selection,
        },
        sampling: { ...DEFAULT_SAMPLING, maxTokens: 48 },
      },
      log.sink('too-long'),
    )
    expect(await log.end('too-long')).toMatchObject({
      type: 'error',
      code: 'context-overflow',
      message: expect.stringContaining("the model's context holds 2048"),
    })
  })
})
