import type { ErrorCode } from '@shared/contract'

/** OpenAI's error body: what clients of the API know how to show. */
export type OpenAiErrorBody = {
  error: { message: string; type: string; param: string | null; code: string | null }
}

/** An HTTP error in OpenAI's shape, carrying its status. */
export class OpenAiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type = 'invalid_request_error',
    readonly param: string | null = null,
    readonly code: string | null = null,
  ) {
    super(message)
    this.name = 'OpenAiError'
  }

  get body(): OpenAiErrorBody {
    return {
      error: { message: this.message, type: this.type, param: this.param, code: this.code },
    }
  }
}

const byCode: Partial<Record<ErrorCode, { status: number; type: string; code: string | null }>> = {
  'invalid-request': { status: 400, type: 'invalid_request_error', code: null },
  'context-overflow': {
    status: 400,
    type: 'invalid_request_error',
    code: 'context_length_exceeded',
  },
  'no-model': { status: 503, type: 'server_error', code: 'model_not_loaded' },
  'model-not-found': { status: 404, type: 'invalid_request_error', code: 'model_not_found' },
  'engine-stopped': { status: 503, type: 'server_error', code: null },
  unauthorized: { status: 401, type: 'invalid_request_error', code: 'invalid_api_key' },
}

/** A Quire error code and message as the OpenAI error a client expects. */
export function openAiErrorOf(code: ErrorCode, message: string): OpenAiError {
  const known = byCode[code] ?? { status: 500, type: 'server_error', code: null }
  return new OpenAiError(known.status, message, known.type, null, known.code)
}
