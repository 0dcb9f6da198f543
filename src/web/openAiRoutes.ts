import type { IncomingMessage, ServerResponse } from 'node:http'
import { createOpenAiHandler, type OpenAiDeps, type OpenAiReply } from '@core/openai/openAiHandler'
import { OpenAiError } from '@core/openai/openAiError'
import type { Readiness } from '@core/generation/modelReadiness'
import { bearerMatches } from './token'

const MAX_BODY_BYTES = 4 * 1024 * 1024

const JSON_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
}

const SSE_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache',
  'X-Accel-Buffering': 'no',
  'X-Content-Type-Options': 'nosniff',
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers = {}): void {
  if (response.headersSent || response.destroyed) return
  response.writeHead(status, { ...JSON_HEADERS, ...headers })
  response.end(JSON.stringify(body))
}

function readBody(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY_BYTES) chunks.push(chunk)
    })
    request.on('error', reject)
    request.on('end', () => {
      if (size > MAX_BODY_BYTES)
        return reject(new OpenAiError(413, 'The request body is larger than 4 MB.'))
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')))
      } catch {
        reject(new OpenAiError(400, 'The request body is not valid JSON.'))
      }
    })
  })
}

/** Writes the handler's answer to an HTTP response: JSON, or server-sent events. */
function replyTo(response: ServerResponse): OpenAiReply {
  const open = () => !response.destroyed && !response.writableEnded
  const startStream = () => {
    if (!response.headersSent) response.writeHead(200, SSE_HEADERS)
  }
  return {
    json: (status, body, headers = {}) => sendJson(response, status, body, headers),
    event: (data) => {
      if (!open()) return
      startStream()
      response.write(`data: ${JSON.stringify(data)}\n\n`)
    },
    end: () => {
      if (!open()) return
      startStream()
      response.end('data: [DONE]\n\n')
    },
  }
}

async function chat(
  handler: ReturnType<typeof createOpenAiHandler>,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const body = await readBody(request)
  const disconnected = new AbortController()
  response.on('close', () => {
    if (!response.writableFinished) disconnected.abort()
  })
  await handler.chatCompletions(body, replyTo(response), disconnected.signal)
}

/**
 * `GET /health`, as llama.cpp's server answers it, for scripts that wait for `quire serve`:
 * 200 `{"status":"ok"}` once a model is ready, 503 `{"status":"loading"}` while one loads, and
 * 503 `{"status":"no model"}` when none is loaded or loading. It tells nothing else, so it needs
 * no token. Returns false for every other path.
 */
export function createHealthRoute(
  readiness: () => Readiness,
): (request: IncomingMessage, response: ServerResponse) => boolean {
  return (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname
    if (path !== '/health') return false
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendJson(response, 405, { error: 'Use GET /health.' }, { Allow: 'GET, HEAD' })
      return true
    }
    const state = readiness()
    if (state === 'ready') sendJson(response, 200, { status: 'ok' })
    else if (state === 'loading')
      sendJson(response, 503, { status: 'loading' }, { 'Retry-After': '1' })
    else sendJson(response, 503, { status: 'no model' })
    return true
  }
}

/**
 * The OpenAI-compatible API of `quire serve` (`POST /v1/chat/completions`, `GET /v1/models`)
 * for other tools. Returns a request listener that answers paths under `/v1/` and returns
 * false for every other path.
 */
export function createOpenAiRoutes(
  deps: OpenAiDeps,
  token: string,
): (request: IncomingMessage, response: ServerResponse) => boolean {
  const handler = createOpenAiHandler(deps)
  const routes: Record<string, { method: string; serve: typeof chat }> = {
    '/v1/chat/completions': { method: 'POST', serve: chat },
    '/v1/models': {
      method: 'GET',
      serve: async (_handler, _request, response) => sendJson(response, 200, handler.listModels()),
    },
  }
  return (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname
    if (path !== '/v1' && !path.startsWith('/v1/')) return false
    // Only `Authorization: Bearer <token>` opens the API, never something a browser adds by
    // itself, so a web page the writer visits cannot use it.
    if (!bearerMatches(request, token)) {
      const failure = new OpenAiError(
        401,
        'Send the token that `quire serve` printed (the part after #token=) as "Authorization: Bearer <token>".',
        'invalid_request_error',
        null,
        'invalid_api_key',
      )
      sendJson(response, 401, failure.body, { 'WWW-Authenticate': 'Bearer' })
      return true
    }
    const route = routes[path.replace(/\/+$/, '')]
    if (!route) {
      const failure = new OpenAiError(
        404,
        `Quire serves POST /v1/chat/completions and GET /v1/models; there is nothing at ${path}.`,
        'invalid_request_error',
        null,
        'not_found',
      )
      sendJson(response, 404, failure.body)
      return true
    }
    if (request.method !== route.method) {
      const failure = new OpenAiError(405, `Use ${route.method} for ${path}.`)
      sendJson(response, 405, failure.body, { Allow: route.method })
      return true
    }
    route.serve(handler, request, response).catch((error: unknown) => {
      const failure =
        error instanceof OpenAiError ? error : new OpenAiError(500, String(error), 'server_error')
      sendJson(response, failure.status, failure.body)
    })
    return true
  }
}
