import { z } from 'zod'

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

export const errorPayloadSchema = z.object({ code: errorCodeSchema, message: z.string() })
export type ErrorPayload = z.infer<typeof errorPayloadSchema>

/** An error that carries a code and a message written for the writer, not for a stack trace. */
export class QuireError extends Error {
  readonly code: ErrorCode

  constructor(code: ErrorCode, message: string) {
    super(message)
    this.name = 'QuireError'
    this.code = code
  }

  toPayload(): ErrorPayload {
    return { code: this.code, message: this.message }
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
  return new QuireError(payload.code, payload.message)
}
