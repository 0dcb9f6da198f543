import { describe, expect, it } from 'vitest'
import { DEFAULT_SAMPLING, MAX_TOKENS_CAP, readChatRequest } from '@core/openai/chatRequest'
import { OpenAiError } from '@core/openai/openAiError'

const refusal = (body: unknown) => {
  try {
    readChatRequest(body)
  } catch (error) {
    if (error instanceof OpenAiError) return { status: error.status, ...error.body.error }
    throw error
  }
  throw new Error('expected a refusal')
}

describe('readChatRequest', () => {
  it('joins system messages, keeps earlier turns, and asks with the last user message', () => {
    const plan = readChatRequest({
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: 'Be warm.' },
        { role: 'user', content: 'First' },
        { role: 'assistant', content: 'Answer' },
        { role: 'developer', content: 'Be brief.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Second, ' },
            { type: 'text', text: 'please' },
          ],
        },
      ],
      stream: true,
      stream_options: { include_usage: true },
      stop: '\n\n',
      unknown_field: 'ignored',
    })
    expect(plan).toEqual({
      job: {
        prompt: {
          kind: 'messages',
          system: 'Be warm.\n\nBe brief.',
          turns: [
            { role: 'user', content: 'First' },
            { role: 'assistant', content: 'Answer' },
          ],
          user: 'Second, please',
        },
        sampling: DEFAULT_SAMPLING,
        seed: undefined,
        lora: [],
      },
      stream: true,
      includeUsage: true,
      stop: ['\n\n'],
    })
  })

  it('uses the balanced preset for what is left out, and the request’s values otherwise', () => {
    const messages = [{ role: 'user', content: 'Hi' }]
    expect(readChatRequest({ messages }).job.sampling).toEqual({
      temperature: 0.7,
      topP: 0.9,
      topK: 50,
      minP: 0,
      repeatPenalty: 1.1,
      frequencyPenalty: 0,
      presencePenalty: 0,
      dryStrength: 0,
      maxTokens: 384,
    })
    const plan = readChatRequest({
      messages,
      temperature: 0,
      top_p: 1,
      top_k: 20,
      min_p: 0.1,
      repetition_penalty: 1.3,
      presence_penalty: 0.5,
      max_completion_tokens: 100,
      seed: 9,
    })
    expect(plan.job.sampling).toMatchObject({
      temperature: 0,
      topP: 1,
      topK: 20,
      minP: 0.1,
      repeatPenalty: 1.3,
      presencePenalty: 0.5,
      maxTokens: 100,
    })
    expect(plan.job.seed).toBe(9)
    expect(plan.stream).toBe(false)
  })

  it('lowers max_tokens above the cap instead of refusing it', () => {
    const plan = readChatRequest({
      messages: [{ role: 'user', content: 'Hi' }],
      max_tokens: 100_000,
    })
    expect(plan.job.sampling.maxTokens).toBe(MAX_TOKENS_CAP)
  })

  it.each([
    [{}, 'messages', /messages must be a list of chat messages/],
    [{ messages: [] }, 'messages', /at least one message/],
    [{ messages: [{ role: 'user', content: 'x' }], temperature: 3 }, 'temperature', /at most 2/],
    [{ messages: [{ role: 'user', content: 'x' }], top_p: 0 }, 'top_p', /more than 0/],
    [{ messages: [{ role: 'user', content: 'x' }], seed: -1 }, 'seed', /at least 0/],
    [{ messages: [{ role: 'user', content: 'x' }], max_tokens: 1.5 }, 'max_tokens', /whole number/],
    [{ messages: [{ role: 'user', content: 'x' }], n: 2 }, 'n', /at most 1/],
    [{ messages: [{ role: 'bot', content: 'x' }] }, 'messages.0.role', /role must be/],
    [
      { messages: [{ role: 'assistant', content: 'x' }] },
      'messages',
      /last message .* must be from the user/,
    ],
    [
      { messages: [{ role: 'system', content: 'x' }] },
      'messages',
      /last message .* must be from the user/,
    ],
    [
      {
        messages: [
          { role: 'tool', content: 'x' },
          { role: 'user', content: 'y' },
        ],
      },
      'messages',
      /does not run tools/,
    ],
    [
      { messages: [{ role: 'user', content: 'x' }], tools: [{ type: 'function' }] },
      'tools',
      /does not run tools/,
    ],
    [
      { messages: [{ role: 'user', content: 'x' }], response_format: { type: 'json_object' } },
      'response_format',
      /plain text only/,
    ],
    [
      { messages: [{ role: 'user', content: [{ type: 'image_url' }] }] },
      'messages',
      /reads text only/,
    ],
  ])('refuses %j with a 400 naming %s', (body, param, message) => {
    const error = refusal(body)
    expect(error).toMatchObject({ status: 400, type: 'invalid_request_error', param })
    expect(error.message).toMatch(message)
  })
})
