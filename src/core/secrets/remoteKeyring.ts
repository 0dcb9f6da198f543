import type { MethodOutput } from '@shared/contract'
import { normalizeBaseUrl } from '../engine/remote/remoteUrl'
import type { SecretStore } from './secretStore'

/** The environment variables of the remote server's key, for `quire serve`, the CLI and the app. */
export const REMOTE_KEY_ENV = 'QUIRE_REMOTE_API_KEY'
export const REMOTE_KEY_URL_ENV = 'QUIRE_REMOTE_BASE_URL'

/** What the writer is told about the key (never the key itself), as the contract defines it. */
export type RemoteKeyStatus = MethodOutput<'getRemoteKeyStatus'>

export type KeySource = NonNullable<RemoteKeyStatus['source']>

/** A key and the one server address it may be sent to. */
type BoundKey = { key: string; baseUrl: string | null; source: KeySource }

/** The base of a server address, or null for one Quire cannot use. */
function baseOf(address: string): string | null {
  try {
    return normalizeBaseUrl(address).base
  } catch {
    return null
  }
}

/** Whether two server addresses name the same API (`http://gpu:8080` and `gpu:8080/v1/` do). */
export function sameServer(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return false
  const left = baseOf(a)
  return left !== null && left === baseOf(b)
}

/** The stored form of a key: JSON with the address it was entered for. */
export function encodeBoundKey(key: string, baseUrl: string): string {
  return JSON.stringify({ key, baseUrl })
}

/**
 * Reads a stored key. One saved before keys were bound (a bare string) or in any other shape
 * has no address and is never sent: sending it to whatever the settings name now is the leak
 * this binding closes.
 */
export function decodeBoundKey(stored: string): { key: string; baseUrl: string | null } | null {
  try {
    const value: unknown = JSON.parse(stored)
    if (value && typeof value === 'object') {
      const { key, baseUrl } = value as Record<string, unknown>
      if (typeof key === 'string' && key !== '')
        return { key, baseUrl: typeof baseUrl === 'string' ? baseUrl : null }
    }
  } catch {
    // A bare key from an older Quire.
  }
  return stored.trim() ? { key: stored, baseUrl: null } : null
}

/**
 * The remote server's API key, bound to the server address it was entered for: changing the
 * address in Settings (by the writer, or by anyone who got hold of the contract) never sends the
 * key to the new one; it must be entered again. A key entered in Settings is bound to the address
 * saved when it was entered. `QUIRE_REMOTE_API_KEY` from the environment is bound to
 * `QUIRE_REMOTE_BASE_URL` and sent nowhere without it (not even to the address saved in settings,
 * which a settings change can point anywhere, also before a later launch).
 */
export class RemoteKeyring {
  constructor(
    private readonly store: SecretStore,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  /** The key to send to `baseUrl`: one bound to that server, else none. */
  async keyFor(baseUrl: string): Promise<string | null> {
    const match = (await this.keys()).find((bound) => sameServer(bound.baseUrl, baseUrl))
    return match?.key ?? null
  }

  /** Whether a key is sent to `baseUrl`, and where the key Quire holds is from and for. */
  async status(baseUrl: string): Promise<RemoteKeyStatus> {
    const keys = await this.keys()
    const sent = keys.find((bound) => sameServer(bound.baseUrl, baseUrl))
    const shown = sent ?? keys[0]
    return {
      hasKey: sent !== undefined,
      persistent: this.store.persistent,
      source: shown?.source ?? null,
      boundTo: shown?.baseUrl ?? null,
    }
  }

  /** Saves a key for the server at `baseUrl` (it is sent nowhere else); null forgets the saved key. */
  async save(key: string | null, baseUrl: string): Promise<void> {
    if (key === null) return this.store.set('remote-api-key', null)
    // An address Quire cannot use is refused here with the reason, before anything is stored.
    const { base } = normalizeBaseUrl(baseUrl)
    await this.store.set('remote-api-key', encodeBoundKey(key, base))
  }

  /** The keys Quire holds, the saved one first. */
  private async keys(): Promise<BoundKey[]> {
    const keys: BoundKey[] = []
    const raw = await this.store.get('remote-api-key')
    const stored = raw === null ? null : decodeBoundKey(raw)
    if (stored) keys.push({ ...stored, source: 'stored' })
    const fromEnv = this.env[REMOTE_KEY_ENV]?.trim()
    if (fromEnv) {
      const boundTo = this.env[REMOTE_KEY_URL_ENV]?.trim() || null
      keys.push({
        key: fromEnv,
        baseUrl: boundTo && (baseOf(boundTo) ?? boundTo),
        source: 'environment',
      })
    }
    return keys
  }
}
