import { describe, expect, it } from 'vitest'
import { QuireError } from '@shared/contract'
import { ChatStreamReader, stopReasonOf } from '@core/engine/remote/chatStream'
import { SseDecoder } from '@core/engine/remote/sseDecoder'

const target = { base: 'http://gpu:8080', api: 'http://gpu:8080/v1', model: 'm', hasKey: false }

/** A reader on a fake clock that starts at 1000 ms. */
function reader(promptEstimate = 30, clock = { now: 1_000 }) {
  return new ChatStreamReader({
    requestId: 'r',
    target,
    startedAt: 1_000,
    promptEstimate,
    now: () => clock.now,
  })
}

const chunk = (content: string | null, finish: string | null = null, usage?: object) =>
  `data: ${JSON.stringify({
    choices: [{ index: 0, delta: content === null ? {} : { content }, finish_reason: finish }],
    ...(usage ? { usage } : {}),
  })}\n\n`

/** Reads an SSE body, one payload every 100 ms; `done()` comes 100 ms after the last. */
function run(sse: string, promptEstimate?: number) {
  const clock = { now: 1_000 }
  const stream = reader(promptEstimate, clock)
  const decoder = new SseDecoder()
  const deltas = [...decoder.push(sse), ...decoder.end()]
    .map((data) => {
      clock.now += 100
      return stream.read(data)
    })
    .filter((delta) => delta !== null)
  clock.now += 100
  return { deltas, stream }
}

describe('ChatStreamReader (SSE → events)', () => {
  it('numbers content deltas and ends with the server’s counts and cached tokens', () => {
    const { deltas, stream } = run(
      chunk('', null) +
        chunk('Rain ') +
        chunk('on ') +
        chunk('glass.', 'stop') +
        `data: ${JSON.stringify({
          choices: [],
          usage: {
            prompt_tokens: 40,
            completion_tokens: 5,
            prompt_tokens_details: { cached_tokens: 32 },
          },
        })}\n\n` +
        'data: [DONE]\n\n',
    )
    expect(deltas).toEqual([
      // Tokens so far: one per streamed chunk until the server's usage arrives at the end.
      { type: 'delta', requestId: 'r', seq: 0, text: 'Rain ', tokens: 1 },
      { type: 'delta', requestId: 'r', seq: 1, text: 'on ', tokens: 2 },
      { type: 'delta', requestId: 'r', seq: 2, text: 'glass.', tokens: 3 },
    ])
    expect(stream.finished).toBe(true)
    const done = stream.done()
    expect(done.text).toBe('Rain on glass.')
    expect(done.stats).toMatchObject({
      promptTokens: 40,
      reusedTokens: 32,
      evaluatedTokens: 8,
      generatedTokens: 5,
      stopReason: 'eos',
    })
    // First token at 1200 (the second payload); done at 1700: 4 tokens after the first in 0.5 s.
    expect(done.stats.timeToFirstTokenMs).toBe(200)
    expect(done.stats.tokensPerSecond).toBe(8)
    expect(done.stats.totalMs).toBe(700)
  })

  it('estimates counts when the server gives none, and maps length to max-tokens', () => {
    const { stream } = run(chunk('秋天的风') + chunk(' blows', 'length'), 25)
    expect(stream.complete).toBe(true)
    expect(stream.done().stats).toMatchObject({
      promptTokens: 25,
      reusedTokens: 0,
      generatedTokens: 4 + 2,
      stopReason: 'max-tokens',
    })
  })

  it('lets a cancel override the server’s reason and keeps the text so far', () => {
    const { stream } = run(chunk('Half a sen'))
    expect(stream.complete).toBe(false)
    expect(stream.done('abort')).toMatchObject({
      text: 'Half a sen',
      stats: { stopReason: 'abort' },
    })
  })

  it('ignores anything after [DONE]', () => {
    const { deltas } = run(chunk('One') + 'data: [DONE]\n\n' + chunk('Two'))
    expect(deltas.map((delta) => delta.text)).toEqual(['One'])
  })

  it.each([
    ['{not json', /could not read \(not JSON: "\{not json"\)/],
    ['{"choices": "nope"}', /could not read \(a chunk without the fields of a chat completion\)/],
    ['{"error": {"message": "context full"}}', /stopped with an error: "context full"/],
    ['{"error": "overloaded"}', /stopped with an error: "overloaded"/],
  ])('turns %s into a clear error', (data, message) => {
    const error = (() => {
      try {
        reader().read(data)
      } catch (caught) {
        return caught
      }
      return null
    })()
    expect(error).toBeInstanceOf(QuireError)
    expect((error as QuireError).message).toMatch(message)
    expect((error as QuireError).message).toContain('http://gpu:8080')
  })

  it.each([
    ['stop', 'eos'],
    ['eos_token', 'eos'],
    [null, 'eos'],
    ['length', 'max-tokens'],
    ['stop_sequence', 'stop-trigger'],
    ['content_filter', 'stop-trigger'],
  ] as const)('reads finish_reason %s as %s', (finish, reason) => {
    expect(stopReasonOf(finish)).toBe(reason)
  })
})
