import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServeWithModel, type RunningServe } from './support/quireServe'

let serve: RunningServe

beforeAll(async () => {
  serve = await startServeWithModel()
})
afterAll(() => serve?.stop())

const chat = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${serve.base}/v1/chat/completions`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${serve.token}`,
      ...headers,
    },
    body: JSON.stringify(body),
  })

const request = {
  model: 'anything',
  messages: [
    { role: 'system', content: 'You are brief.' },
    { role: 'user', content: 'Write one line about rain.' },
  ],
  max_tokens: 40,
  seed: 21,
}

/** The `data:` payloads of an SSE body. */
const ssePayloads = (text: string) =>
  text
    .split('\n\n')
    .filter((event) => event.startsWith('data: '))
    .map((event) => event.slice('data: '.length))

describe('quire serve’s OpenAI-compatible endpoint', () => {
  it('lists the loaded model', async () => {
    const response = await fetch(`${serve.base}/v1/models`, {
      headers: { Authorization: `Bearer ${serve.token}` },
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({
      object: 'list',
      data: [{ id: 'Quire tiny test model', object: 'model', owned_by: 'quire' }],
    })
  })

  it('answers a non-streaming request with the same text it streams for that seed', async () => {
    const whole = await chat(request)
    expect(whole.status).toBe(200)
    expect(whole.headers.get('content-type')).toMatch(/^application\/json/)
    const completion = (await whole.json()) as {
      object: string
      choices: { message: { role: string; content: string }; finish_reason: string }[]
      usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number }
    }
    expect(completion.object).toBe('chat.completion')
    const answer = completion.choices[0]
    expect(answer?.message.role).toBe('assistant')
    expect(answer?.message.content.length).toBeGreaterThan(0)
    expect(answer?.finish_reason).toMatch(/^(stop|length)$/)
    expect(completion.usage.completion_tokens).toBeGreaterThan(0)
    expect(completion.usage.total_tokens).toBe(
      completion.usage.prompt_tokens + completion.usage.completion_tokens,
    )

    const streamed = await chat({
      ...request,
      stream: true,
      stream_options: { include_usage: true },
    })
    expect(streamed.headers.get('content-type')).toMatch(/^text\/event-stream/)
    const payloads = ssePayloads(await streamed.text())
    expect(payloads.at(-1)).toBe('[DONE]')
    const chunks = payloads.slice(0, -1).map((payload) => JSON.parse(payload))
    const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')
    expect(text).toBe(answer?.message.content)
    // The repeat finds its prompt already in the engine's cache, and says so.
    expect(chunks.at(-1)).toMatchObject({
      choices: [],
      usage: {
        prompt_tokens: completion.usage.prompt_tokens,
        completion_tokens: completion.usage.completion_tokens,
        prompt_tokens_details: { cached_tokens: expect.any(Number) },
      },
    })
    expect(chunks.at(-1).usage.prompt_tokens_details.cached_tokens).toBeGreaterThan(0)
  })

  it('turns down bad input with an OpenAI-style 400', async () => {
    const response = await chat({ ...request, temperature: 5 })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: {
        message: 'temperature: temperature must be at most 2',
        type: 'invalid_request_error',
        param: 'temperature',
        code: null,
      },
    })
  })

  it.each([
    ['no credentials', (): Record<string, string> => ({})],
    ['a wrong bearer token', () => ({ Authorization: 'Bearer nope' })],
    ['the editor’s cookie', () => ({ Cookie: `quire_token=${serve.token}` })],
  ])('refuses %s (and ?token=) with 401 and no CORS headers', async (_name, credentials) => {
    const response = await fetch(`${serve.base}/v1/chat/completions?token=${serve.token}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Origin: 'http://evil.example',
        ...credentials(),
      },
      body: JSON.stringify(request),
    })
    expect(response.status).toBe(401)
    const body = (await response.json()) as { error: { code: string } }
    expect(body.error.code).toBe('invalid_api_key')
    const cors = [...response.headers.keys()].filter((key) => key.startsWith('access-control'))
    expect(cors).toEqual([])
  })

  it('does not answer a CORS preflight', async () => {
    const response = await fetch(`${serve.base}/v1/chat/completions`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://evil.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization',
      },
    })
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
    expect(response.status).toBe(401)
  })
})
