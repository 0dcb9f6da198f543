import { QuireError } from '@shared/contract'
import { httpError, messageFromBody, type RemotePhase, type RemoteTarget } from './remoteErrors'
import { normalizeBaseUrl } from './remoteUrl'

/** A target with the API key to send, read just before the request. */
export type KeyedTarget = RemoteTarget & { key: string | null }

/**
 * Where a request goes and with which key: the key asked for is the one for this very address
 * (never one read for another); a key store that fails is reported as such.
 */
export async function resolveTarget(
  baseUrl: string,
  model: string,
  apiKey: (baseUrl: string) => Promise<string | null>,
): Promise<KeyedTarget> {
  const url = normalizeBaseUrl(baseUrl)
  let key: string | null
  try {
    key = await apiKey(url.base)
  } catch (error) {
    throw new QuireError(
      'internal',
      `Quire could not read the saved API key: ${error instanceof Error ? error.message : String(error)}`,
      'api-key-unreadable',
      { reason: error instanceof Error ? error.message : String(error) },
    )
  }
  return { ...url, model, hasKey: Boolean(key), key }
}

/** Sends a request to `{api}{path}`; an HTTP error status becomes a QuireError that says what to fix. */
export async function sendRemote(
  target: KeyedTarget,
  path: string,
  init: RequestInit & { signal: AbortSignal },
  phase: RemotePhase,
): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: phase === 'check' ? 'application/json' : 'text/event-stream',
    ...(init.body ? { 'Content-Type': 'application/json' } : {}),
    ...(target.key ? { Authorization: `Bearer ${target.key}` } : {}),
  }
  const response = await fetch(`${target.api}${path}`, { ...init, headers })
  if (response.ok) return response
  const body = await response.text().catch(() => '')
  throw httpError(response.status, response.statusText, messageFromBody(body), target, phase)
}
