import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { safeStorage } from 'electron'
import { QuireError } from '@shared/contract'
import { writeFileAtomic } from '@core/settings/atomicWrite'
import type { SecretName, SecretStore } from '@core/secrets/secretStore'

type SecretFile = Partial<Record<SecretName, string>>

/**
 * Secrets encrypted with the OS keychain (Electron safeStorage) in their own file, never in
 * settings.json. On Linux without a keyring safeStorage falls back to plain text: then
 * nothing is stored and the writer is told why.
 */
export class SafeStorageSecretStore implements SecretStore {
  private readonly file: string

  constructor(userDataDir: string) {
    this.file = join(userDataDir, 'secrets.json')
  }

  get persistent(): boolean {
    return safeStorage.isEncryptionAvailable() && !this.plainTextOnLinux()
  }

  async get(name: SecretName): Promise<string | null> {
    // Without a stored key the environment may hold one (QUIRE_REMOTE_API_KEY, bound to
    // QUIRE_REMOTE_BASE_URL): core's RemoteKeyring reads it, not this store.
    const stored = (await this.read())[name]
    if (!stored) return null
    try {
      return safeStorage.decryptString(Buffer.from(stored, 'base64'))
    } catch {
      // The keychain changed (a new login, another machine): the key must be entered again.
      return null
    }
  }

  async set(name: SecretName, value: string | null): Promise<void> {
    const secrets = await this.read()
    if (value === null) {
      delete secrets[name]
    } else {
      if (!this.persistent) {
        throw new QuireError(
          'invalid-request',
          'This system has no keychain Quire can use, so the API key cannot be stored safely. Set QUIRE_REMOTE_API_KEY, and QUIRE_REMOTE_BASE_URL to the server it is for, in the environment before starting Quire instead.',
          'no-keychain',
        )
      }
      secrets[name] = safeStorage.encryptString(value).toString('base64')
    }
    if (Object.keys(secrets).length === 0) await rm(this.file, { force: true })
    else await writeFileAtomic(this.file, JSON.stringify(secrets))
  }

  private plainTextOnLinux(): boolean {
    return process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text'
  }

  private async read(): Promise<SecretFile> {
    try {
      return JSON.parse(await readFile(this.file, 'utf8')) as SecretFile
    } catch {
      return {}
    }
  }
}
