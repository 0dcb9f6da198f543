import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { QuireService } from '@shared/contract'
import { startWebServer, type RunningWebServer } from '../../../src/web/webServer'

/** A GET with raw headers; resolves with the status, or 'failed' when the connection broke. */
function get(port: number, path: string, headers: Record<string, string> = {}) {
  return new Promise<number | 'failed'>((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
      res.on('error', () => resolve('failed'))
    })
    req.on('error', () => resolve('failed'))
    req.end()
  })
}

describe("quire serve's page and assets, asked for oddly", () => {
  const dir = mkdtempSync(join(tmpdir(), 'quire-assets-'))
  let server: RunningWebServer
  beforeAll(async () => {
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Quire</title>'.repeat(20))
    writeFileSync(join(dir, 'chunk.js'), 'export {}\n')
    // The socket is never opened here: no service is needed.
    server = await startWebServer({ service: {} as QuireService, rendererDir: dir, port: 0 })
  })
  afterAll(async () => {
    await server?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('survives a backwards Range header (one request, no token, used to end the server)', async () => {
    const status = await get(server.port, '/index.html', { Range: 'bytes=10-5' })
    expect([200, 416]).toContain(status)
    expect(await get(server.port, '/index.html')).toBe(200)
  })

  it('survives an asset that went away while it runs (a rebuild), and keeps serving', async () => {
    rmSync(join(dir, 'chunk.js'))
    expect(await get(server.port, '/chunk.js')).not.toBe(200)
    expect(await get(server.port, '/index.html')).toBe(200)
  })
})
