import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import sirv from 'sirv'
import { WebSocketServer } from 'ws'
import type { QuireService } from '@shared/contract'
import { SECURITY_HEADERS } from '@shared/contract/securityHeaders'
import { MAX_WIRE_BYTES } from '@shared/documents/limits'
import type { OpenAiDeps } from '@core/openai/openAiHandler'
import { createHealthRoute, createOpenAiRoutes } from './openAiRoutes'
import { serveSocket } from './socketSession'
import { createToken, isAuthorized, TOKEN_COOKIE } from './token'

export type WebServerOptions = {
  service: QuireService
  /** The built renderer (out/renderer). */
  rendererDir: string
  port: number
  host?: string
  /** Also answer OpenAI-compatible requests (`/v1/…`, Bearer token only) and `GET /health`. */
  openAi?: OpenAiDeps
}

export type RunningWebServer = { url: string; port: number; token: string; close(): Promise<void> }

export const WEBSOCKET_PATH = '/ws'

function refuse(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS })
  response.end(message)
}

function refuseUpgrade(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}

/** A WebSocket from another site must not drive the engine, token or not. */
function sameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin
  return origin === undefined || origin === `http://${request.headers.host}`
}

/**
 * `quire serve`: the built renderer and the contract over WebSocket, on loopback, behind a
 * per-launch token (in the URL once, then in a same-site cookie).
 */
export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const token = createToken()
  const host = options.host ?? '127.0.0.1'
  const assets = sirv(options.rendererDir, {
    dev: false,
    etag: true,
    setHeaders: (res) => {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
    },
  })

  const openAi = options.openAi ? createOpenAiRoutes(options.openAi, token) : null
  const readiness = options.openAi?.readiness
  const health = readiness ? createHealthRoute(() => readiness.state()) : null
  const server = createServer((request, response) => {
    if (health?.(request, response)) return
    if (openAi?.(request, response)) return
    if (!isAuthorized(request, token))
      return refuse(
        response,
        401,
        'Quire: open the full address that `quire serve` printed; it includes the access token.',
      )
    response.setHeader('Set-Cookie', `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`)
    assets(request, response, () => refuse(response, 404, 'Not found'))
  })

  // Large enough for the longest document the contract accepts (MAX_DOCUMENT_CHARS as UTF-8 JSON).
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_WIRE_BYTES })
  server.on('upgrade', (request, socket, head) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname
    if (path !== WEBSOCKET_PATH) return refuseUpgrade(socket, '404 Not Found')
    if (!isAuthorized(request, token)) return refuseUpgrade(socket, '401 Unauthorized')
    if (!sameOrigin(request)) return refuseUpgrade(socket, '403 Forbidden')
    sockets.handleUpgrade(request, socket, head, (ws) => serveSocket(ws, options.service))
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, host, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${host}:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate()
        sockets.close()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
