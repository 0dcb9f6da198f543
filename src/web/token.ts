import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export const TOKEN_COOKIE = 'quire_token'

/** A fresh secret for one launch of `quire serve`. */
export function createToken(): string {
  return randomBytes(24).toString('base64url')
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

/** The token a request carries, in its query (`?token=`) or in the cookie set on first visit. */
export function presentedToken(request: IncomingMessage): string | null {
  const url = new URL(request.url ?? '/', 'http://localhost')
  const fromQuery = url.searchParams.get('token')
  if (fromQuery) return fromQuery
  const cookies = request.headers.cookie ?? ''
  for (const part of cookies.split(';')) {
    const [name, ...rest] = part.trim().split('=')
    if (name === TOKEN_COOKIE) return decodeURIComponent(rest.join('='))
  }
  return null
}

export function isAuthorized(request: IncomingMessage, token: string): boolean {
  const presented = presentedToken(request)
  return presented !== null && sameSecret(presented, token)
}
