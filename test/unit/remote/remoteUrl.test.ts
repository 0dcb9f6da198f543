import { describe, expect, it } from 'vitest'
import { normalizeBaseUrl } from '@core/engine/remote/remoteUrl'

describe('normalizeBaseUrl', () => {
  it.each([
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080'],
    ['http://127.0.0.1:8080/v1', 'http://127.0.0.1:8080'],
    ['http://127.0.0.1:8080/v1/', 'http://127.0.0.1:8080'],
    ['  https://Box.example/V1  ', 'https://box.example'],
    ['localhost:11434/v1', 'http://localhost:11434'],
    ['https://api.example.com/openai/v1?x=1#top', 'https://api.example.com/openai'],
    ['http://gpu:8000/v1/v1', 'http://gpu:8000/v1'],
  ])('reads %j as the server %s', (input, base) => {
    expect(normalizeBaseUrl(input)).toEqual({ base, api: `${base}/v1` })
  })

  it.each([
    ['', /Enter the address of an OpenAI-compatible server/],
    ['ftp://box/v1', /Use an http:\/\/ or https:\/\/ address/],
    ['http://user:secret@box:8080', /put the API key in its own field/],
    ['http://exa mple.com', /is not a server address Quire can use/],
  ])('refuses %j with a reason', (input, message) => {
    expect(() => normalizeBaseUrl(input)).toThrow(message)
  })
})
