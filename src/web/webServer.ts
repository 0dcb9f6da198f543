import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import type { QuireService } from '@shared/contract'
import { SECURITY_HEADERS } from '@shared/contract/securityHeaders'
import { MAX_WIRE_BYTES } from '@shared/documents/limits'
import type { OpenAiDeps } from '@core/openai/openAiHandler'
import { PAGE_TOKEN_PARAM, TOKEN_CHECK_PATH } from '@shared/contract/socketProtocol'
import { allowedHosts, hostAllowed, hostForUrl, originAllowed } from './hostCheck'
import { createHealthRoute, createOpenAiRoutes } from './openAiRoutes'
import { serveSocket } from './socketSession'
import { staticAssets } from './staticAssets'
import { bearerMatches, chooseProtocol, createToken, socketAuthorized } from './token'

export type WebServerOptions = {
  service: QuireService
  /** The built renderer (out/renderer). */
  rendererDir: string
  port: number
  /** The address to listen on (default 127.0.0.1); the CLI allows others only with --allow-remote. */
  host?: string
  /** Also answer OpenAI-compatible requests (`/v1/…`, Bearer token only) and `GET /health`. */
  openAi?: OpenAiDeps
}

export type RunningWebServer = {
  /** The page's address with the token in its fragment: `http://127.0.0.1:PORT/#token=…`. */
  url: string
  port: number
  token: string
  close(): Promise<void>
}

export const WEBSOCKET_PATH = '/ws'

function refuse(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS })
  response.end(message)
}

function refuseUpgrade(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}

/**
 * `GET /token-check` with `Authorization: Bearer <token>`: 204 for this run's token, 401 for any
 * other. The page asks it once at load, because a browser cannot read why a WebSocket handshake
 * failed, and a tab reloaded after a restart of quire serve holds the old run's token.
 */
function answerTokenCheck(
  request: IncomingMessage,
  response: ServerResponse,
  token: string,
): boolean {
  if (new URL(request.url ?? '/', 'http://localhost').pathname !== TOKEN_CHECK_PATH) return false
  const status = bearerMatches(request, token) ? 204 : 401
  response.writeHead(status, { 'Cache-Control': 'no-store', ...SECURITY_HEADERS })
  response.end()
  return true
}

const MISDIRECTED =
  'Quire answers only to the address `quire serve` printed (127.0.0.1, localhost or [::1] and its port).'

/**
 * `quire serve`: the built renderer and the contract over WebSocket, on loopback, behind a
 * per-launch token. The page and its assets are public (they hold no secret); the token comes in
 * the address's fragment, which the browser never sends, and reaches the server only in the
 * WebSocket handshake (a subprotocol) and as `Authorization: Bearer` on `/v1`. No cookie: a
 * cookie for 127.0.0.1 would go to every other server on 127.0.0.1, whatever its port.
 */
export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const token = createToken()
  const host = options.host ?? '127.0.0.1'
  const assets = staticAssets(options.rendererDir)

  const openAi = options.openAi ? createOpenAiRoutes(options.openAi, token) : null
  const readiness = options.openAi?.readiness
  const health = readiness ? createHealthRoute(() => readiness.state()) : null
  // Filled in once listening: the port is known only then (`--port 0`).
  let hosts = new Set<string>()
  const server = createServer((request, response) => {
    if (!hostAllowed(request.headers.host, hosts)) return refuse(response, 421, MISDIRECTED)
    if (answerTokenCheck(request, response, token)) return
    if (health?.(request, response)) return
    if (openAi?.(request, response)) return
    assets(request, response, () => refuse(response, 404, 'Not found'))
  })

  // Large enough for the longest document the contract accepts (MAX_DOCUMENT_CHARS as UTF-8 JSON).
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_WIRE_BYTES,
    handleProtocols: chooseProtocol,
  })
  server.on('upgrade', (request, socket, head) => {
    const { host, origin } = request.headers
    if (!hostAllowed(host, hosts)) return refuseUpgrade(socket, '421 Misdirected Request')
    const path = new URL(request.url ?? '/', 'http://localhost').pathname
    if (path !== WEBSOCKET_PATH) return refuseUpgrade(socket, '404 Not Found')
    // A page on another site must not drive the engine, token or not.
    if (!originAllowed(origin, host)) return refuseUpgrade(socket, '403 Forbidden')
    if (!socketAuthorized(request, token)) return refuseUpgrade(socket, '401 Unauthorized')
    sockets.handleUpgrade(request, socket, head, (ws) => serveSocket(ws, options.service))
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, host, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  hosts = allowedHosts(port, host)
  return {
    url: `http://${hostForUrl(host)}:${port}/#${PAGE_TOKEN_PARAM}=${token}`,
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
