import { QuireError } from '@shared/contract'
import { REMOTE_KEY_ENV, REMOTE_KEY_URL_ENV } from './remoteKeyring'
import type { SecretName, SecretStore } from './secretStore'

/**
 * Secrets for the command line: it has no keychain to keep them in safely, so it keeps none.
 * The remote key comes from the environment instead (QUIRE_REMOTE_API_KEY, sent only to
 * QUIRE_REMOTE_BASE_URL), read and bound by RemoteKeyring.
 */
export class EnvSecretStore implements SecretStore {
  readonly persistent = false

  async get(_name: SecretName): Promise<string | null> {
    return null
  }

  async set(_name: SecretName, _value: string | null): Promise<void> {
    throw new QuireError(
      'invalid-request',
      `The quire command cannot save secrets. Set ${REMOTE_KEY_ENV} and ${REMOTE_KEY_URL_ENV} (the server it is for) in the environment before starting it, or save the key in the Quire desktop app.`,
      'cli-cannot-save-secrets',
      { variable: `${REMOTE_KEY_ENV} (and ${REMOTE_KEY_URL_ENV}, the server it is for)` },
    )
  }
}
