import type { ServerResponse } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { RemoteBackend } from '@core/engine/remote/remoteBackend'
import { DEFAULT_SAMPLING } from '@core/openai/chatRequest'
import { engineJobOf, EventLog, type TestJob } from './support/events'
import {
  closedPort,
  startHttpServer,
  startSilentServer,
  type LocalServer,
} from './support/localServers'

let server: LocalServer | null = null
afterEach(async () => {
  await server?.close()
  server = null
})

const MODELS = JSON.stringify({ object: 'list', data: [{ id: 'm', object: 'model' }] })

function backend(baseUrl: string, timeoutMs = 5_000) {
  const log = new EventLog()
  const remote = new RemoteBackend({
    baseUrl,
    model: 'm',
    timeoutMs,
    contextSize: 4096,
    apiKey: async () => 'sk-test',
    onStatus: log.onStatus,
  })
  return { remote, log }
}

const job: TestJob = {
  requestId: 'failing',
  system: '',
  user: 'Hello',
  sampling: DEFAULT_SAMPLING,
}

/** A server that lists model `m` and answers chat requests with `chat`. */
const serverAnswering = (chat: (response: ServerResponse) => void) =>
  startHttpServer((request, response) => {
    if (request.url === '/v1/models') {
      response.writeHead(200, { 'Content-Type': 'application/json' })
      return response.end(MODELS)
    }
    request.resume()
    request.on('end', () => chat(response))
  })

async function failure(remote: RemoteBackend, log: EventLog) {
  remote.run(engineJobOf(job), log.sink(job.requestId))
  const end = await log.end(job.requestId)
  if (end.type !== 'error') throw new Error(`expected an error, got ${JSON.stringify(end)}`)
  return end
}

describe('RemoteBackend failures a writer can act on', () => {
  it('says nothing is listening when the port is closed', async () => {
    const { remote, log } = backend(`http://127.0.0.1:${await closedPort()}`)
    const status = await remote.start()
    expect(status.state).toBe('idle')
    expect(status.notice).toMatch(/nothing is listening there \(connection refused\)/)
    const end = await failure(remote, log)
    expect(end.message).toMatch(/nothing is listening there/)
  })

  it('says the name does not resolve for an unknown host', async () => {
    const { remote } = backend('http://quire-no-such-host.invalid:8080')
    const status = await remote.start()
    expect(status.notice).toMatch(/"quire-no-such-host\.invalid": the name does not resolve/)
  })

  it('gives up on a server that accepts and never answers, within the timeout', async () => {
    server = await startSilentServer()
    const { remote, log } = backend(server.base, 300)
    const started = Date.now()
    const status = await remote.start()
    expect(status.notice).toMatch(/did not answer within 0\.3 s/)
    const end = await failure(remote, log)
    expect(end.message).toMatch(/did not answer within 0\.3 s/)
    expect(Date.now() - started).toBeLessThan(3_000)
  })

  it('times out a stream that stops moving, after the text it did send', async () => {
    server = await serverAnswering((response) => {
      response.writeHead(200, { 'Content-Type': 'text/event-stream' })
      response.write('data: {"choices":[{"delta":{"content":"Half"}}]}\n\n')
    })
    const { remote, log } = backend(server.base, 300)
    const end = await failure(remote, log)
    expect(log.deltas(job.requestId).map((delta) => delta.text)).toEqual(['Half'])
    expect(end.message).toMatch(/did not answer within 0\.3 s/)
  })

  it('passes on the message of a 500 with a JSON error body', async () => {
    server = await serverAnswering((response) => {
      response.writeHead(500, { 'Content-Type': 'application/json' })
      response.end(
        JSON.stringify({ error: { message: 'CUDA out of memory', type: 'server_error' } }),
      )
    })
    const { remote, log } = backend(server.base)
    const end = await failure(remote, log)
    expect(end.code).toBe('generation-failed')
    expect(end.message).toBe(
      `The server at ${server.base} failed (500 Internal Server Error). The server said: "CUDA out of memory"`,
    )
  })

  it('names the model when the server does not have it (404 on chat)', async () => {
    server = await serverAnswering((response) => {
      response.writeHead(404, { 'Content-Type': 'application/json' })
      response.end(JSON.stringify({ error: { message: "model 'm' not found" } }))
    })
    const { remote, log } = backend(server.base)
    expect((await remote.start()).state).toBe('ready')
    const end = await failure(remote, log)
    expect(end.code).toBe('model-not-found')
    expect(end.message).toMatch(/has no model named "m" \(404\)/)
  })

  it('is ready but says so when the server does not list the configured model', async () => {
    server = await serverAnswering(() => {})
    const { remote } = backend(server.base)
    await remote.configure({
      local: { threads: 1, contextSize: 4096, gpu: 'off', gpuLayers: 0, sequences: 1 },
      remote: { baseUrl: server.base, model: 'qwen3:4b', timeoutMs: 5_000, contextSize: 4096 },
    })
    expect(remote.getStatus()).toMatchObject({
      state: 'ready',
      model: { name: 'qwen3:4b' },
      notice: `The server at ${server.base} does not list a model named "qwen3:4b" (it lists m); Quire will ask for it anyway.`,
    })
  })

  it.each([
    ['data that is not JSON', 'data: {oops\n\n', /could not read \(not JSON: "\{oops"\)/],
    [
      'a stream that ends halfway',
      'data: {"choices":[{"delta":{"content":"Hi"}}]}\n\n',
      /closed the connection before the answer was finished/,
    ],
    [
      'an error inside the stream',
      'data: {"error":{"message":"slot unavailable"}}\n\n',
      /stopped with an error: "slot unavailable"/,
    ],
  ])('reports %s', async (_name, body, message) => {
    server = await serverAnswering((response) => {
      response.writeHead(200, { 'Content-Type': 'text/event-stream' })
      response.end(body)
    })
    const { remote, log } = backend(server.base)
    const end = await failure(remote, log)
    expect(end.message).toMatch(message)
  })

  it('reads a server that ignores `stream` and answers with one JSON body', async () => {
    server = await serverAnswering((response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' })
      response.end(
        JSON.stringify({
          choices: [
            { message: { role: 'assistant', content: 'Whole answer.' }, finish_reason: 'length' },
          ],
          usage: { prompt_tokens: 9, completion_tokens: 3 },
        }),
      )
    })
    const { remote, log } = backend(server.base)
    remote.run(engineJobOf(job), log.sink(job.requestId))
    const end = await log.end(job.requestId)
    expect(end).toMatchObject({
      type: 'done',
      text: 'Whole answer.',
      stats: { promptTokens: 9, generatedTokens: 3, stopReason: 'max-tokens' },
    })
  })
})
