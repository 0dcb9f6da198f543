import { z } from 'zod'
import type { HostMessageKey } from './messageKeys'

/** Every failure the contract can report, as a stable code a UI can switch on. */
export const errorCodes = [
  'invalid-request',
  'no-model',
  'model-not-found',
  'model-load-failed',
  'model-invalid',
  'download-failed',
  'engine-stopped',
  'prompt-not-found',
  'generation-failed',
  'context-overflow',
  'lora-failed',
  'unknown-request',
  'unauthorized',
  'document-not-found',
  'document-exists',
  'document-invalid-name',
  'document-outside-folder',
  'document-too-large',
  'document-unreadable',
  'document-write-failed',
  'internal',
] as const

export const errorCodeSchema = z.enum(errorCodes)
export type ErrorCode = z.infer<typeof errorCodeSchema>

/** The values a message's words are filled with (names, numbers, the server's own words). */
export const messageParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]))
export type MessageParams = z.infer<typeof messageParamsSchema>

/**
 * What a UI needs to say a failure in its own language: the message's key and the values
 * it names. The English `message` stays beside them for logs, the CLI and older clients.
 */
export const messageRefSchema = z.object({
  key: z.string().max(100).optional(),
  params: messageParamsSchema.optional(),
})

export const errorPayloadSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  ...messageRefSchema.shape,
})
export type ErrorPayload = z.infer<typeof errorPayloadSchema>

/** A message named by key; `QuireError` is one, so is anything carrying its key and params. */
export type MessageRef = {
  readonly key?: string | undefined
  readonly params?: MessageParams | undefined
}

/** The key and params of a message, ready to spread into a payload or an event. */
export function refOf(ref: MessageRef | undefined): z.infer<typeof messageRefSchema> {
  return ref?.key === undefined ? {} : { key: ref.key, params: ref.params ?? {} }
}

/** An error that carries a code and a message written for the writer, not for a stack trace. */
export class QuireError extends Error {
  readonly code: ErrorCode
  /** Which message this is, so a UI can word it in the writer's language. */
  readonly key: string | undefined
  readonly params: MessageParams

  constructor(code: ErrorCode, message: string, key?: HostMessageKey, params: MessageParams = {}) {
    super(message)
    this.name = 'QuireError'
    this.code = code
    this.key = key
    this.params = params
  }

  toPayload(): ErrorPayload {
    return { code: this.code, message: this.message, ...refOf(this) }
  }
}

/** Turns anything thrown into a payload; unknown errors keep their message under `internal`. */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof QuireError) return error.toPayload()
  const parsed = errorPayloadSchema.safeParse(error)
  if (parsed.success) return parsed.data
  if (error instanceof Error) return { code: 'internal', message: error.message }
  return { code: 'internal', message: String(error) }
}

/** Rebuilds a QuireError from a payload that crossed a process boundary. */
export function fromErrorPayload(payload: ErrorPayload): QuireError {
  // A newer host may name a key this build does not know; the renderer then falls back to the code.
  const key = payload.key as HostMessageKey | undefined
  return new QuireError(payload.code, payload.message, key, payload.params)
}
