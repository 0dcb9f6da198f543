import type { RemoteKeyStatus } from './useSettingsForm'

/** A server address compared loosely, as the host normalizes it (`gpu:8080/v1/` is `http://gpu:8080`). */
function looseAddress(address: string): string {
  const trimmed = address.trim().toLowerCase()
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//.test(trimmed) ? trimmed : `http://${trimmed}`
  return withScheme.replace(/\/+$/, '').replace(/\/v1$/, '').replace(/\/+$/, '')
}

/** What the key field must tell the writer: an i18n key of `settings.key`, and the address it names. */
export type KeyWarning = {
  key:
    | 'storedForOther'
    | 'storedUnbound'
    | 'environmentForOther'
    | 'environmentUnbound'
    | 'addressChanging'
  url: string | null
}

/**
 * Why no key goes to the server, or will stop going to it: a key is sent only to the address it
 * was entered for, so a key held for another address (or for none) is not sent, and editing the
 * address away from the key's means entering the key again. Null when there is nothing to say.
 */
export function remoteKeyWarning(
  status: RemoteKeyStatus | null,
  draftAddress: string,
): KeyWarning | null {
  if (!status?.source) return null
  const url = status.boundTo
  if (!status.hasKey) {
    if (status.source === 'stored') return { key: url ? 'storedForOther' : 'storedUnbound', url }
    return { key: url ? 'environmentForOther' : 'environmentUnbound', url }
  }
  if (url && looseAddress(draftAddress) !== looseAddress(url))
    return { key: 'addressChanging', url }
  return null
}
