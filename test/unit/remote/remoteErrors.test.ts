import { describe, expect, it } from 'vitest'
import { httpError, networkError, serverMessage } from '@core/engine/remote/remoteErrors'

const target = {
  base: 'http://gpu.lan:8000',
  api: 'http://gpu.lan:8000/v1',
  model: 'qwen3',
  hasKey: true,
}

describe('serverMessage reads every dialect of error body', () => {
  it.each([
    [
      { error: { message: 'Model not loaded', type: 'unavailable_error', code: 503 } },
      'Model not loaded',
    ],
    [
      {
        error: 'Input validation error: `top_p` must be > 0.0 and < 1.0',
        error_type: 'validation',
      },
      'Input validation error: `top_p` must be > 0.0 and < 1.0',
    ],
    [
      { object: 'error', message: 'The model `x` does not exist.', code: 404 },
      'The model `x` does not exist.',
    ],
    [{ detail: 'Not authenticated' }, 'Not authenticated'],
    [{ error: {} }, null],
    ['plain text', 'plain text'],
  ])('%j → %j', (body, message) => {
    expect(serverMessage(body)).toBe(message)
  })

  it('shortens a very long message', () => {
    expect(serverMessage({ error: { message: 'x'.repeat(1_000) } })?.length).toBe(301)
  })
})

describe('httpError says what to fix', () => {
  it('tells a refused key from a missing one', () => {
    expect(httpError(401, 'Unauthorized', null, target, 'generate').message).toMatch(
      /^The server at http:\/\/gpu\.lan:8000 refused Quire's API key \(401 Unauthorized\)\. Check the key/,
    )
    expect(
      httpError(403, 'Forbidden', null, { ...target, hasKey: false }, 'check').message,
    ).toMatch(/needs an API key \(403 Forbidden\)\. Add one/)
  })

  it('blames the address for a 404 on the model list, the model name for one on chat', () => {
    const check = httpError(404, 'Not Found', null, target, 'check')
    expect(check.message).toMatch(/no OpenAI-compatible API at http:\/\/gpu\.lan:8000\/v1 \(404/)
    const chat = httpError(404, 'Not Found', 'model "qwen3" not found', target, 'generate')
    expect(chat.code).toBe('model-not-found')
    expect(chat.message).toBe(
      'The server at http://gpu.lan:8000 has no model named "qwen3" (404). Check the model name in Settings. The server said: "model "qwen3" not found"',
    )
  })

  it('passes the server’s reason on for 400s and 5xx', () => {
    expect(httpError(422, '', 'top_p must be < 1', target, 'generate')).toMatchObject({
      code: 'invalid-request',
      message: expect.stringContaining('The server said: "top_p must be < 1"'),
    })
    expect(httpError(503, 'Service Unavailable', null, target, 'check').message).toBe(
      'The server at http://gpu.lan:8000 failed (503 Service Unavailable).',
    )
  })
})

describe('networkError', () => {
  const failed = (code: string) =>
    Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error(code), { code }),
    })

  it.each([
    ['ECONNREFUSED', /nothing is listening there \(connection refused\)/],
    ['ENOTFOUND', /could not find the server "gpu\.lan": the name does not resolve/],
    ['ECONNRESET', /closed the connection before it answered/],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', /did not trust the HTTPS certificate of gpu\.lan:8000/],
  ])('explains %s', (code, message) => {
    expect(networkError(failed(code), target, 'generate').message).toMatch(message)
  })

  it('explains a port that fetch refuses to use', () => {
    const error = Object.assign(new TypeError('fetch failed'), { cause: new Error('bad port') })
    const blocked = { ...target, base: 'http://gpu.lan:6000' }
    expect(networkError(error, blocked, 'check').message).toMatch(/will not connect to port 6000/)
  })
})
