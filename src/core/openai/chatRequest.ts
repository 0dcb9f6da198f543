import { z } from 'zod'
import type { SamplingValues } from '@shared/presets/schema'
import type { PreparedRequest } from '../generation/generationService'
import { OpenAiError } from './openAiError'

/** Sampling when a request leaves a value out: Quire's `balanced` preset. */
export const DEFAULT_SAMPLING: SamplingValues = {
  temperature: 0.7,
  topP: 0.9,
  topK: 50,
  minP: 0,
  repeatPenalty: 1.1,
  frequencyPenalty: 0,
  presencePenalty: 0,
  dryStrength: 0,
  maxTokens: 384,
}

/** The longest answer one request may ask for; larger `max_tokens` are lowered to it. */
export const MAX_TOKENS_CAP = 4096

const contentSchema = z.union([
  z.string(),
  z.array(z.object({ type: z.string(), text: z.string().optional() })),
])

const messageSchema = z.object({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool', 'function'], {
    error: 'role must be system, developer, user or assistant',
  }),
  content: contentSchema.nullish(),
})

const range = (name: string, min: number, max: number) =>
  z
    .number({ error: `${name} must be a number` })
    .min(min, `${name} must be at least ${min}`)
    .max(max, `${name} must be at most ${max}`)
    .nullish()

const count = (name: string, min: number, max: number) =>
  z
    .number({ error: `${name} must be a whole number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be at least ${min}`)
    .max(max, `${name} must be at most ${max}`)
    .nullish()

/** The parts of OpenAI's chat completion request Quire reads; other fields are ignored. */
export const chatRequestSchema = z.object({
  model: z.string().nullish(),
  messages: z
    .array(messageSchema, { error: 'messages must be a list of chat messages' })
    .min(1, 'messages must hold at least one message'),
  stream: z.boolean().nullish(),
  stream_options: z.object({ include_usage: z.boolean().nullish() }).nullish(),
  temperature: range('temperature', 0, 2),
  top_p: z
    .number({ error: 'top_p must be a number' })
    .gt(0, 'top_p must be more than 0')
    .max(1, 'top_p must be at most 1')
    .nullish(),
  top_k: count('top_k', 0, 1_000),
  min_p: range('min_p', 0, 1),
  repeat_penalty: range('repeat_penalty', 1, 2),
  repetition_penalty: range('repetition_penalty', 1, 2),
  frequency_penalty: range('frequency_penalty', 0, 2),
  presence_penalty: range('presence_penalty', 0, 2),
  dry_multiplier: range('dry_multiplier', 0, 5),
  max_tokens: count('max_tokens', 1, Number.MAX_SAFE_INTEGER),
  max_completion_tokens: count('max_completion_tokens', 1, Number.MAX_SAFE_INTEGER),
  seed: count('seed', 0, 2 ** 32 - 1),
  n: count('n', 1, 1),
  stop: z.union([z.string(), z.array(z.string()).max(4, 'stop holds at most 4 strings')]).nullish(),
  tools: z.array(z.unknown()).nullish(),
  response_format: z.object({ type: z.string() }).nullish(),
  logprobs: z.boolean().nullish(),
})
export type ChatRequest = z.output<typeof chatRequestSchema>

/** What a chat request asks of the engine, and how the answer is to be sent. */
export type ChatPlan = {
  job: PreparedRequest['job']
  stream: boolean
  includeUsage: boolean
  stop: string[]
}

function refuse(message: string, param: string | null = null): never {
  throw new OpenAiError(400, message, 'invalid_request_error', param)
}

function textOf(content: z.output<typeof contentSchema> | null | undefined, at: number): string {
  if (content === null || content === undefined) return ''
  if (typeof content === 'string') return content
  return content
    .map((part) =>
      part.type === 'text'
        ? (part.text ?? '')
        : refuse(
            `messages[${at}] has a ${part.type} part; Quire's model reads text only.`,
            'messages',
          ),
    )
    .join('')
}

/** Validates a request body and maps it to an engine job; throws an OpenAiError (400) when it cannot. */
export function readChatRequest(body: unknown): ChatPlan {
  const parsed = chatRequestSchema.safeParse(body)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const param = issue?.path.map(String).join('.') || null
    refuse(issue ? `${param ? `${param}: ` : ''}${issue.message}` : 'Malformed request.', param)
  }
  const request = parsed.data
  if (request.tools && request.tools.length > 0)
    refuse('Quire does not run tools; send the request without `tools`.', 'tools')
  if (request.response_format && request.response_format.type !== 'text')
    refuse('Quire answers in plain text only; leave out `response_format`.', 'response_format')
  if (request.logprobs) refuse('Quire does not report log probabilities.', 'logprobs')

  const system: string[] = []
  const conversation: { role: 'user' | 'assistant'; content: string }[] = []
  request.messages.forEach((message, at) => {
    const content = textOf(message.content, at)
    switch (message.role) {
      case 'system':
      case 'developer':
        system.push(content)
        break
      case 'user':
      case 'assistant':
        conversation.push({ role: message.role, content })
        break
      case 'tool':
      case 'function':
        refuse(
          `messages[${at}] is a ${message.role} message; Quire does not run tools.`,
          'messages',
        )
        break
      default:
        void (message.role satisfies never)
    }
  })
  const last = conversation.at(-1)
  if (!last || last.role !== 'user')
    refuse('The last message (after any system messages) must be from the user.', 'messages')

  const maxTokens = request.max_completion_tokens ?? request.max_tokens
  const sampling: SamplingValues = {
    temperature: request.temperature ?? DEFAULT_SAMPLING.temperature,
    topP: request.top_p ?? DEFAULT_SAMPLING.topP,
    topK: request.top_k ?? DEFAULT_SAMPLING.topK,
    minP: request.min_p ?? DEFAULT_SAMPLING.minP,
    repeatPenalty:
      request.repeat_penalty ?? request.repetition_penalty ?? DEFAULT_SAMPLING.repeatPenalty,
    frequencyPenalty: request.frequency_penalty ?? DEFAULT_SAMPLING.frequencyPenalty,
    presencePenalty: request.presence_penalty ?? DEFAULT_SAMPLING.presencePenalty,
    dryStrength: request.dry_multiplier ?? DEFAULT_SAMPLING.dryStrength,
    maxTokens: Math.min(maxTokens ?? DEFAULT_SAMPLING.maxTokens, MAX_TOKENS_CAP),
  }
  const stop = request.stop ?? []
  return {
    job: {
      prompt: {
        kind: 'messages',
        system: system.join('\n\n'),
        turns: conversation.slice(0, -1),
        user: last.content,
      },
      sampling,
      seed: request.seed ?? undefined,
      lora: [],
    },
    stream: request.stream ?? false,
    includeUsage: request.stream_options?.include_usage ?? false,
    stop: typeof stop === 'string' ? [stop] : stop,
  }
}
