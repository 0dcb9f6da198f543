import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Readable } from 'node:stream'
import sirv from 'sirv'
import { SECURITY_HEADERS } from '@shared/contract/securityHeaders'

type Handler = (request: IncomingMessage, response: ServerResponse, next: () => void) => void

/**
 * The built renderer's files, served by sirv behind two guards. sirv hands a Range header
 * straight to `createReadStream`, which throws on a backwards range (`bytes=10-5`), and pipes
 * the file without an error listener, so a file gone since start (a rebuild) or unreadable
 * emits an unhandled 'error'. Either ended the whole server, on one request without a token.
 */
export function staticAssets(rendererDir: string): Handler {
  const assets = sirv(rendererDir, {
    dev: false,
    etag: true,
    setHeaders: (res) => {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
    },
  })
  return (request, response, next) => {
    // The page never asks for part of a file, and a server may ignore Range (RFC 9110 §14.2).
    delete request.headers.range
    response.on('pipe', (source: Readable) =>
      source.on('error', (error) => {
        console.error(`quire serve: could not send ${request.url ?? ''}: ${error.message}`)
        // The status line is already out: end this response, not the server.
        response.destroy()
      }),
    )
    assets(request, response, next)
  }
}
