import { spawnSync } from 'node:child_process'
import { request, type IncomingHttpHeaders } from 'node:http'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { connectSocket } from '../documents/socketClient'
import { socketProtocols, startQuireServe, type ServeProcess } from '../../support/quireServe'
import { recordingServer } from './support/localServers'

const CLI = fileURLToPath(new URL('../../../out/main/cli.js', import.meta.url))

type Answer = { status: number; headers: IncomingHttpHeaders; body: string }

/** One HTTP request to `quire serve` with exactly these headers (Host included, which fetch cannot set). */
function get(serve: ServeProcess, path: string, headers: Record<string, string> = {}) {
  const { hostname, port } = new URL(serve.origin)
  return new Promise<Answer>((resolve, reject) => {
    const outgoing = request({ hostname, port, path, headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      )
    })
    outgoing.on('error', reject)
    outgoing.end()
  })
}

/** Opens the contract's socket; resolves with the chosen subprotocol, or the status it was refused with. */
function upgrade(
  serve: ServeProcess,
  options: { protocols?: string[]; origin?: string; host?: string; path?: string } = {},
): Promise<{ opened: string } | { refused: number }> {
  const socket = new WebSocket(
    `${serve.origin.replace(/^http/, 'ws')}${options.path ?? '/ws'}`,
    options.protocols ?? socketProtocols(serve),
    { origin: options.origin, headers: options.host ? { Host: options.host } : {} },
  )
  return new Promise((resolve, reject) => {
    socket.once('open', () => {
      resolve({ opened: socket.protocol })
      socket.close()
    })
    socket.once('unexpected-response', (_request, response) =>
      resolve({ refused: response.statusCode ?? 0 }),
    )
    socket.once('error', (error) => {
      if (!/Unexpected server response/.test(error.message)) reject(error)
    })
  })
}

describe('quire serve answers only its own name, and its secrets go only where they belong', () => {
  let serve: ServeProcess
  let port: string
  let trusted: Awaited<ReturnType<typeof recordingServer>>
  let attacker: Awaited<ReturnType<typeof recordingServer>>
  beforeAll(async () => {
    ;[trusted, attacker] = await Promise.all([recordingServer(), recordingServer()])
    serve = await startQuireServe([], undefined, undefined, {
      QUIRE_REMOTE_API_KEY: 'sk-only-for-trusted',
      QUIRE_REMOTE_BASE_URL: `${trusted.base}/v1`,
    })
    port = new URL(serve.origin).port
  })
  afterAll(async () => {
    await serve?.stop()
    await trusted?.close()
    await attacker?.close()
  })

  it('refuses a foreign Host with 421 on every route, even with the token', async () => {
    const bearer = { Authorization: `Bearer ${serve.token}` }
    for (const host of [`evil.example:${port}`, `127.0.0.1.evil.example:${port}`, '127.0.0.1:1']) {
      for (const path of ['/', '/index.html', '/health', '/token-check', '/v1/models'])
        expect((await get(serve, path, { Host: host, ...bearer })).status, `${host}${path}`).toBe(
          421,
        )
      expect(await upgrade(serve, { host, origin: `http://${host}` })).toEqual({ refused: 421 })
      expect(await upgrade(serve, { host })).toEqual({ refused: 421 })
    }
    // Its own names, as a browser on this machine sends them, are answered.
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      expect((await get(serve, '/v1/models', { Host: host, ...bearer })).status, host).toBe(200)
      expect(await upgrade(serve, { host, origin: `http://${host}` })).toEqual({ opened: 'quire' })
    }
  })

  it('refuses a WebSocket from another origin with the token, and one without the token in its handshake', async () => {
    expect(await upgrade(serve, { origin: 'http://evil.example' })).toEqual({ refused: 403 })
    expect(await upgrade(serve, { origin: `http://localhost:${Number(port) + 1}` })).toEqual({
      refused: 403,
    })
    expect(await upgrade(serve, { origin: 'null' })).toEqual({ refused: 403 })
    // The page's own origin with the token as a subprotocol opens; the server answers `quire`.
    expect(await upgrade(serve, { origin: serve.origin })).toEqual({ opened: 'quire' })
    // The token anywhere but the handshake's subprotocol opens nothing.
    expect(
      await upgrade(serve, {
        origin: serve.origin,
        protocols: [],
        path: `/ws?token=${serve.token}`,
      }),
    ).toEqual({ refused: 401 })
    expect(await upgrade(serve, { protocols: ['quire', 'quire.token.wrong'] })).toEqual({
      refused: 401,
    })
  })

  it('sets no cookie anywhere, and its page and assets load without the token but hold none', async () => {
    const page = await get(serve, '/')
    expect(page.status).toBe(200)
    const asset = /src="\.(\/assets\/[^"]+\.js)"/.exec(page.body)?.[1]
    expect(asset).toBeDefined()
    const answers = [
      page,
      await get(serve, asset!),
      await get(serve, `/?token=${serve.token}`),
      await get(serve, '/', { Cookie: `quire_token=${serve.token}` }),
      await get(serve, '/health'),
      await get(serve, '/v1/models', { Authorization: `Bearer ${serve.token}` }),
      await get(serve, '/nothing-here'),
      await get(serve, '/token-check', { Authorization: `Bearer ${serve.token}` }),
      await get(serve, '/token-check', { Authorization: 'Bearer an-earlier-run' }),
      await get(serve, '/token-check', { Cookie: `quire_token=${serve.token}` }),
    ]
    expect(answers.map((answer) => answer.status)).toEqual([
      200, 200, 200, 200, 503, 200, 404, 204, 401, 401,
    ])
    for (const answer of answers) {
      expect(answer.headers['set-cookie']).toBeUndefined()
      expect(answer.body).not.toContain(serve.token)
    }
  })

  it('sends QUIRE_REMOTE_API_KEY to QUIRE_REMOTE_BASE_URL, and not after baseUrl is changed over the contract', async () => {
    const client = await connectSocket(serve.url)
    await client.call('updateSettings', {
      engine: { backend: 'remote' },
      remote: { baseUrl: trusted.base },
    })
    expect(trusted.seen).toContain('Bearer sk-only-for-trusted')
    expect(await client.call('getRemoteKeyStatus')).toEqual({
      hasKey: true,
      persistent: false,
      source: 'environment',
      boundTo: trusted.base,
    })

    // Whoever holds the token points the server address elsewhere: the key stays home.
    await client.call('updateSettings', { remote: { baseUrl: attacker.base } })
    expect(attacker.seen.length).toBeGreaterThan(0)
    expect(attacker.seen).toEqual(attacker.seen.map(() => null))
    expect(await client.call('getRemoteKeyStatus')).toEqual({
      hasKey: false,
      persistent: false,
      source: 'environment',
      boundTo: trusted.base,
    })
    client.close()
  })

  it('refuses --host for another machine without --allow-remote, with exit code 2 and what to add', () => {
    const run = spawnSync(
      process.execPath,
      [CLI, 'serve', '--port', '0', '--no-open', '--host', '192.0.2.10'],
      { encoding: 'utf8', timeout: 30_000 },
    )
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(
      /--host 192\.0\.2\.10 lets other machines reach Quire; add --allow-remote/,
    )
    expect(run.stdout).not.toMatch(/Quire is running/)
  })
})
