import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { SOCKET_PROTOCOL, SOCKET_TOKEN_PREFIX } from '@shared/contract/socketProtocol'

/** A fresh secret for one launch of `quire serve` (base64url: safe in a fragment and a subprotocol). */
export function createToken(): string {
  return randomBytes(24).toString('base64url')
}

function sameSecret(presented: string | null, token: string): boolean {
  if (presented === null) return false
  const left = Buffer.from(presented)
  const right = Buffer.from(token)
  return left.length === right.length && timingSafeEqual(left, right)
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(request: IncomingMessage): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')
  return match?.[1] ?? null
}

/** The subprotocols a WebSocket handshake offers (`Sec-WebSocket-Protocol`), in order. */
function offeredProtocols(request: IncomingMessage): string[] {
  return (request.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
}

/**
 * The token a WebSocket handshake carries as the subprotocol `quire.token.<token>` (browsers
 * cannot set headers on a WebSocket; a subprotocol is the one header they send). Never a query
 * string or a cookie: those end up in history, logs and other ports' requests.
 */
export function socketToken(request: IncomingMessage): string | null {
  const offer = offeredProtocols(request).find((protocol) =>
    protocol.startsWith(SOCKET_TOKEN_PREFIX),
  )
  return offer ? offer.slice(SOCKET_TOKEN_PREFIX.length) : null
}

/** The subprotocol the server answers with: the plain `quire`, never the one holding the token. */
export function chooseProtocol(protocols: Set<string>): string | false {
  return protocols.has(SOCKET_PROTOCOL) ? SOCKET_PROTOCOL : false
}

/** Whether a request to the OpenAI-compatible API carries this launch's token as a Bearer. */
export function bearerMatches(request: IncomingMessage, token: string): boolean {
  return sameSecret(bearerToken(request), token)
}

/** Whether a WebSocket handshake carries this launch's token and asks for the `quire` protocol. */
export function socketAuthorized(request: IncomingMessage, token: string): boolean {
  return (
    sameSecret(socketToken(request), token) && offeredProtocols(request).includes(SOCKET_PROTOCOL)
  )
}
