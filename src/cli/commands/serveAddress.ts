import { isIP } from 'node:net'
import { isLoopback } from '../../web/hostCheck'
import { UsageError } from '../usageError'

/** Where `quire serve` listens, and whether other machines can reach it. */
export type ServeAddress = { host: string; remote: boolean }

/** A DNS name: letters, digits and hyphens in dot-separated labels. */
const HOST_NAME =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i

/**
 * Reads `--host ADDR` and `--allow-remote`: loopback needs nothing; any other address must be
 * allowed explicitly, and must name one interface, because requests are checked against the
 * name they were sent to (a wildcard such as 0.0.0.0 has no name a browser would send).
 */
export function serveAddress(host: string | undefined, allowRemote: boolean): ServeAddress {
  if (host === undefined) return { host: '127.0.0.1', remote: false }
  const bare = host.trim().replace(/^\[(.*)\]$/, '$1')
  if (bare === '' || (isIP(bare) === 0 && !HOST_NAME.test(bare)))
    throw new UsageError(`--host takes an IP address or a host name, not "${host}".`)
  if (bare === '0.0.0.0' || bare === '::' || /^0+(\.0+){3}$/.test(bare))
    throw new UsageError(
      `--host ${host} would listen on every interface; name the one address other machines should use, such as --host 192.168.1.20.`,
    )
  if (isLoopback(bare)) return { host: bare, remote: false }
  if (!allowRemote)
    throw new UsageError(
      `--host ${host} lets other machines reach Quire; add --allow-remote if that is what you want.`,
    )
  return { host: bare, remote: true }
}

/** What `quire serve` prints before it listens beyond this machine. */
export function remoteWarning(host: string): string {
  return [
    `Warning: Quire is listening on ${host}, so other machines on that network can reach it.`,
    'Anyone with the full address (it holds the access token) can use the model and read and change your documents.',
    'The connection is plain HTTP: use it only on a network you trust, or behind an SSH tunnel or a TLS proxy.',
  ].join('\n')
}
