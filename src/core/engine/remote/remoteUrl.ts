import { QuireError } from '@shared/contract'

/** A server address in both forms: as the writer knows it, and where its `/v1` API lives. */
export type RemoteUrl = { base: string; api: string }

/**
 * Normalizes a server address: `http://host:8080`, `http://host:8080/`, `http://host:8080/v1`
 * and `host:8080` all name the same API. Query and fragment are dropped.
 */
export function normalizeBaseUrl(input: string): RemoteUrl {
  const trimmed = input.trim()
  if (!trimmed)
    throw new QuireError(
      'invalid-request',
      'Enter the address of an OpenAI-compatible server, such as http://127.0.0.1:8080.',
      'server-address-needed',
    )
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`
  let url: URL
  try {
    url = new URL(withScheme)
  } catch {
    throw new QuireError(
      'invalid-request',
      `"${trimmed}" is not a server address Quire can use.`,
      'server-address-invalid',
      { address: trimmed },
    )
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new QuireError(
      'invalid-request',
      `Use an http:// or https:// address for the server, not ${url.protocol}//.`,
      'server-address-protocol',
      { protocol: url.protocol },
    )
  if (url.username || url.password)
    throw new QuireError(
      'invalid-request',
      'Take the name and password out of the server address; put the API key in its own field.',
      'server-address-credentials',
    )
  const path = url.pathname.replace(/\/+$/, '').replace(/\/v1$/i, '').replace(/\/+$/, '')
  const base = `${url.origin}${path}`
  return { base, api: `${base}/v1` }
}
