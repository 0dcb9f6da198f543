import { describe, expect, it } from 'vitest'
import {
  chatMessages,
  chatRequestBody,
  flavourOf,
  type RemoteChat,
} from '@core/engine/remote/chatRequestBody'
import { readModelList } from '@core/engine/remote/serverModels'

const job: RemoteChat = {
  messages: chatMessages(
    {
      messages: [
        { role: 'system', content: 'You are warm and specific.' },
        { role: 'user', content: 'Rewrite this.' },
      ],
      trimmedBefore: false,
      promptTokens: 0,
    },
    [
      { role: 'user', content: 'Earlier question' },
      { role: 'assistant', content: 'Earlier answer' },
    ],
  ),
  sampling: {
    temperature: 0.85,
    topP: 0.92,
    topK: 50,
    minP: 0.05,
    repeatPenalty: 1.15,
    frequencyPenalty: 0,
    presencePenalty: 0,
    dryStrength: 0,
    maxTokens: 384,
  },
  seed: 42,
}

const common = {
  model: 'qwen',
  messages: [
    { role: 'system', content: 'You are warm and specific.' },
    { role: 'user', content: 'Earlier question' },
    { role: 'assistant', content: 'Earlier answer' },
    { role: 'user', content: 'Rewrite this.' },
  ],
  stream: true,
  stream_options: { include_usage: true },
  temperature: 0.85,
  top_p: 0.92,
  max_tokens: 384,
  seed: 42,
}

describe('chatRequestBody', () => {
  it('sends only OpenAI’s own fields to a server it does not know (OpenAI rejects others)', () => {
    expect(chatRequestBody(job, 'qwen', 'other')).toEqual(common)
  })

  it('adds top_k, min_p and repeat_penalty for llama.cpp’s server and quire serve', () => {
    const extra = { top_k: 50, min_p: 0.05, repeat_penalty: 1.15 }
    expect(chatRequestBody(job, 'qwen', 'llamacpp')).toEqual({ ...common, ...extra })
    expect(chatRequestBody(job, 'qwen', 'quire')).toEqual({ ...common, ...extra })
  })

  it('names the penalty repetition_penalty for vLLM', () => {
    expect(chatRequestBody(job, 'qwen', 'vllm')).toEqual({
      ...common,
      top_k: 50,
      min_p: 0.05,
      repetition_penalty: 1.15,
    })
  })

  it('leaves out values that some servers refuse or misread', () => {
    const body = chatRequestBody(
      {
        ...job,
        // A prompt without a system message (fitted prompts leave an empty one out).
        messages: job.messages.filter((message) => message.role !== 'system'),
        seed: undefined,
        sampling: { ...job.sampling, topP: 1, topK: 0, frequencyPenalty: 0.3 },
      },
      'qwen',
      'llamacpp',
    )
    expect(body).not.toHaveProperty('top_p')
    expect(body).not.toHaveProperty('top_k')
    expect(body).not.toHaveProperty('seed')
    expect(body).not.toHaveProperty('presence_penalty')
    expect(body.frequency_penalty).toBe(0.3)
    expect((body.messages as { role: string }[])[0]?.role).toBe('user')
  })
})

describe('the server behind an address', () => {
  it.each([
    [[{ id: 'a.gguf', object: 'model', owned_by: 'llamacpp' }], 'llamacpp'],
    [[{ id: 'Qwen/Qwen3-4B', owned_by: 'vllm' }], 'vllm'],
    [[{ id: 'Quire tiny test model', owned_by: 'quire' }], 'quire'],
    [[{ id: 'qwen3:4b', owned_by: 'library' }], 'other'],
    [[{ id: 'gpt-4o', owned_by: 'system' }], 'other'],
    [[{ id: 'Qwen/Qwen3-4B', owned_by: 'Qwen/Qwen3-4B' }], 'other'],
  ])('reads %j as %s', (data, flavour) => {
    expect(readModelList({ object: 'list', data })).toEqual({
      models: data.map((model) => model.id),
      flavour,
    })
  })

  it('refuses a body that is not a model list', () => {
    expect(readModelList({ models: ['a'] })).toBeNull()
    expect(readModelList('<html>')).toBeNull()
    expect(flavourOf([])).toBe('other')
  })
})
