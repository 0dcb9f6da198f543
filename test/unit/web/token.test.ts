import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import {
  bearerMatches,
  chooseProtocol,
  createToken,
  socketAuthorized,
  socketToken,
} from '../../../src/web/token'

const withHeaders = (headers: IncomingMessage['headers']) => ({ headers }) as IncomingMessage

describe('the token of quire serve', () => {
  const token = createToken()

  it('is fresh for each launch and safe in a fragment and a subprotocol', () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(createToken()).not.toBe(token)
  })

  it('is read from the handshake subprotocol quire.token.<token>, with quire offered beside it', () => {
    const offer = withHeaders({ 'sec-websocket-protocol': `quire, quire.token.${token}` })
    expect(socketToken(offer)).toBe(token)
    expect(socketAuthorized(offer, token)).toBe(true)
    // Without `quire` the server could not answer with a protocol the page accepts.
    expect(
      socketAuthorized(withHeaders({ 'sec-websocket-protocol': `quire.token.${token}` }), token),
    ).toBe(false)
    expect(
      socketAuthorized(withHeaders({ 'sec-websocket-protocol': 'quire, quire.token.nope' }), token),
    ).toBe(false)
  })

  it('is never taken from the query or a cookie', () => {
    const request = {
      url: `/ws?token=${token}`,
      headers: { cookie: `quire_token=${token}`, 'sec-websocket-protocol': 'quire' },
    } as IncomingMessage
    expect(socketToken(request)).toBe(null)
    expect(socketAuthorized(request, token)).toBe(false)
    expect(bearerMatches(request, token)).toBe(false)
  })

  it('opens /v1 only as Authorization: Bearer', () => {
    expect(bearerMatches(withHeaders({ authorization: `Bearer ${token}` }), token)).toBe(true)
    expect(bearerMatches(withHeaders({ authorization: `bearer ${token} ` }), token)).toBe(true)
    expect(bearerMatches(withHeaders({ authorization: `Bearer ${token}x` }), token)).toBe(false)
    expect(bearerMatches(withHeaders({ authorization: token }), token)).toBe(false)
  })

  it('answers the handshake with the plain quire protocol, never the one holding the token', () => {
    expect(chooseProtocol(new Set(['quire', `quire.token.${token}`]))).toBe('quire')
    expect(chooseProtocol(new Set([`quire.token.${token}`]))).toBe(false)
  })
})
