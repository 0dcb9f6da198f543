import { isIP } from 'node:net'

/** Names that reach this machine only from itself. */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '::1']

/** Whether an address (as given to `--host`) is reachable only from this machine. */
export function isLoopback(address: string): boolean {
  const name = address.toLowerCase().replace(/^\[(.*)\]$/, '$1')
  if (LOOPBACK_NAMES.includes(name)) return true
  return isIP(name) === 4 && name.startsWith('127.')
}

/** An address as it appears in a Host header or a URL: IPv6 in brackets. */
export function hostForUrl(address: string): string {
  const bare = address.replace(/^\[(.*)\]$/, '$1')
  return isIP(bare) === 6 ? `[${bare}]` : bare
}

/**
 * The `Host` values `quire serve` answers to: its loopback names on its port, and the address it
 * was told to listen on. Anything else is another site's name resolving here (DNS rebinding) or
 * a misdirected request, and gets 421 whatever token it carries.
 */
export function allowedHosts(port: number, listenAddress?: string): Set<string> {
  const names = ['127.0.0.1', 'localhost', '[::1]']
  if (listenAddress) names.push(hostForUrl(listenAddress))
  return new Set(names.map((name) => `${name.toLowerCase()}:${port}`))
}

/** Whether a request's `Host` header is one of `allowed` (host names compare case-insensitively). */
export function hostAllowed(header: string | undefined, allowed: Set<string>): boolean {
  return header !== undefined && allowed.has(header.trim().toLowerCase())
}

/**
 * Whether a WebSocket upgrade may go on: a browser always sends `Origin`, and it must be this
 * server's own page (`http://` + the Host it asked for). Tools that send no Origin are not
 * browsers a web page could drive; they still need the token.
 */
export function originAllowed(origin: string | undefined, host: string | undefined): boolean {
  return (
    origin === undefined ||
    (host !== undefined && origin.toLowerCase() === `http://${host.toLowerCase()}`)
  )
}
