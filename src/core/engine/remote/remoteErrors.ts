import { QuireError } from '@shared/contract'

/** What was being asked when a request failed: the status check or a generation. */
export type RemotePhase = 'check' | 'generate'

/** The context an error message names: the server, and the model asked for. */
export type RemoteTarget = { base: string; api: string; model: string; hasKey: boolean }

const MAX_SERVER_MESSAGE = 300

/**
 * The human-readable message inside a server's error body, whatever its dialect: OpenAI,
 * llama.cpp, vLLM and Ollama (`{error: {message}}`), TGI (`{error: "…"}`), FastAPI
 * (`{detail}`), or a bare `{message}`.
 */
export function serverMessage(body: unknown): string | null {
  const pick = (value: unknown): string | null => {
    if (typeof value === 'string') return value.trim() || null
    if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>
      return pick(record.message) ?? pick(record.error) ?? pick(record.detail)
    }
    return null
  }
  const message = pick(body)
  if (message === null) return null
  return message.length > MAX_SERVER_MESSAGE ? `${message.slice(0, MAX_SERVER_MESSAGE)}…` : message
}

/** The server's message from a response body that may or may not be JSON. */
export function messageFromBody(text: string): string | null {
  try {
    return serverMessage(JSON.parse(text))
  } catch {
    return null
  }
}

const withDetail = (sentence: string, detail: string | null) =>
  detail ? `${sentence} The server said: "${detail}"` : sentence

/** Turns an HTTP error status into a message that says what to fix. */
export function httpError(
  status: number,
  statusText: string,
  detail: string | null,
  target: RemoteTarget,
  phase: RemotePhase,
): QuireError {
  const code = `${status}${statusText ? ` ${statusText}` : ''}`
  if (status === 401 || status === 403) {
    const what = target.hasKey
      ? `refused Quire's API key (${code}). Check the key`
      : `needs an API key (${code}). Add one`
    return new QuireError(
      'unauthorized',
      withDetail(
        `The server at ${target.base} ${what} (in Settings for this address, or for the quire command QUIRE_REMOTE_API_KEY with QUIRE_REMOTE_BASE_URL=${target.base}).`,
        detail,
      ),
      target.hasKey ? 'server-key-refused' : 'server-key-needed',
      { server: target.base, status: code, serverSaid: detail ?? '' },
    )
  }
  if (status === 404) {
    const sentence =
      phase === 'check'
        ? `There is no OpenAI-compatible API at ${target.api} (404 for ${target.api}/models). Check the server address in Settings.`
        : `The server at ${target.base} has no model named "${target.model}" (404). Check the model name in Settings.`
    return new QuireError(
      phase === 'check' ? 'model-load-failed' : 'model-not-found',
      withDetail(sentence, detail),
      phase === 'check' ? 'server-no-api' : 'server-no-such-model',
      { server: target.base, api: target.api, model: target.model, serverSaid: detail ?? '' },
    )
  }
  if (status === 400 || status === 422)
    return new QuireError(
      'invalid-request',
      withDetail(`The server at ${target.base} turned the request down (${code}).`, detail),
      'server-refused-request',
      { server: target.base, status: code, serverSaid: detail ?? '' },
    )
  const failed = phase === 'check' ? 'model-load-failed' : 'generation-failed'
  if (status >= 500)
    return new QuireError(
      failed,
      withDetail(`The server at ${target.base} failed (${code}).`, detail),
      'server-failed',
      { server: target.base, status: code, serverSaid: detail ?? '' },
    )
  return new QuireError(
    failed,
    withDetail(
      `The server at ${target.base} answered ${code}, which Quire did not expect.`,
      detail,
    ),
    'server-unexpected-status',
    { server: target.base, status: code, serverSaid: detail ?? '' },
  )
}

type Cause = { code?: unknown; message?: unknown; errors?: unknown }

/** The system error code behind a failed fetch (ECONNREFUSED, ENOTFOUND…), if there is one. */
function causeCode(error: unknown): string | null {
  const cause = (error as { cause?: Cause } | null)?.cause
  if (!cause) return null
  if (typeof cause.code === 'string') return cause.code
  const first = Array.isArray(cause.errors) ? (cause.errors[0] as Cause | undefined) : undefined
  return typeof first?.code === 'string' ? first.code : null
}

/** Turns a network failure (no HTTP answer at all) into a message that says what to fix. */
export function networkError(error: unknown, target: RemoteTarget, phase: RemotePhase): QuireError {
  const code = causeCode(error)
  const failed = phase === 'check' ? 'model-load-failed' : 'generation-failed'
  const host = new URL(target.base).host
  switch (code) {
    case 'ECONNREFUSED':
      return new QuireError(
        failed,
        `Quire could not reach the server at ${target.base}: nothing is listening there (connection refused). Start the server, or check the address and port in Settings.`,
        'server-refused-connection',
        { server: target.base },
      )
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new QuireError(
        failed,
        `Quire could not find the server "${new URL(target.base).hostname}": the name does not resolve. Check the address in Settings and the network connection.`,
        'server-name-unknown',
        { host: new URL(target.base).hostname },
      )
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
      return new QuireError(
        failed,
        `The server at ${target.base} closed the connection before it answered. It may have stopped or restarted; try again.`,
        'server-closed-early',
        { server: target.base },
      )
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new QuireError(
        failed,
        `Quire could not reach ${host}: there is no network route to it. Check the network connection and the address in Settings.`,
        'server-no-route',
        { host },
      )
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return new QuireError(
        failed,
        `Quire did not trust the HTTPS certificate of ${host} (${code}). Use a valid certificate, or plain http:// on a trusted network.`,
        'server-untrusted-certificate',
        { host, reason: code },
      )
    default: {
      if ((error as { cause?: Cause } | null)?.cause?.message === 'bad port')
        return new QuireError(
          failed,
          `Quire will not connect to port ${new URL(target.base).port}: it is on the list of ports web clients block as unsafe. Run the server on another port.`,
          'server-unsafe-port',
          { port: new URL(target.base).port },
        )
      const cause = (error as { cause?: Cause } | null)?.cause
      const reason =
        typeof cause?.message === 'string'
          ? cause.message
          : error instanceof Error
            ? error.message
            : String(error)
      return new QuireError(
        failed,
        `Quire could not reach the server at ${target.base}: ${reason}.`,
        'server-unreachable',
        { server: target.base, reason },
      )
    }
  }
}

/** No answer within the timeout. */
export function timeoutError(
  target: RemoteTarget,
  timeoutMs: number,
  phase: RemotePhase,
): QuireError {
  const seconds = Math.round(timeoutMs / 100) / 10
  return new QuireError(
    phase === 'check' ? 'model-load-failed' : 'generation-failed',
    `The server at ${target.base} did not answer within ${seconds} s. It may be busy or still loading its model; try again, or raise the timeout in Settings.`,
    'server-timeout',
    { server: target.base, seconds },
  )
}

/** A 200 answer that is not an OpenAI-compatible stream or body. */
export function malformedError(target: RemoteTarget, what: string): QuireError {
  return new QuireError(
    'generation-failed',
    `The server at ${target.base} sent a reply Quire could not read (${what}). Check that the address points to an OpenAI-compatible server.`,
    'server-unreadable-reply',
    { server: target.base, what },
  )
}
