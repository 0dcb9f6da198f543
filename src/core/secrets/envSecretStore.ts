import { QuireError } from '@shared/contract'
import type { SecretName, SecretStore } from './secretStore'

/** The environment variable each secret is read from by the `quire` command and `quire serve`. */
export const SECRET_ENV_VARS: Record<SecretName, string> = {
  'remote-api-key': 'QUIRE_REMOTE_API_KEY',
}

/**
 * Secrets for the command line: read from the environment at each use, never stored (there is
 * no keychain to keep them in safely).
 */
export class EnvSecretStore implements SecretStore {
  readonly persistent = false

  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  async get(name: SecretName): Promise<string | null> {
    return this.env[SECRET_ENV_VARS[name]]?.trim() || null
  }

  async set(name: SecretName, _value: string | null): Promise<void> {
    throw new QuireError(
      'invalid-request',
      `The quire command cannot save secrets. Set ${SECRET_ENV_VARS[name]} in the environment before starting it, or save the key in the Quire desktop app.`,
      'cli-cannot-save-secrets',
      { variable: SECRET_ENV_VARS[name] },
    )
  }
}
