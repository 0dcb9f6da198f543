import { describe, expect, it } from 'vitest'
import { EnvSecretStore } from '@core/secrets/envSecretStore'
import { RemoteKeyring, sameServer } from '@core/secrets/remoteKeyring'
import type { SecretName, SecretStore } from '@core/secrets/secretStore'

/** A keychain in memory, as the desktop app's: it keeps what it is given, as given. */
class MemoryStore implements SecretStore {
  readonly persistent = true
  readonly values = new Map<SecretName, string>()
  async get(name: SecretName) {
    return this.values.get(name) ?? null
  }
  async set(name: SecretName, value: string | null) {
    if (value === null) this.values.delete(name)
    else this.values.set(name, value)
  }
}

const GPU = 'http://gpu.lan:8080'
const EVIL = 'http://evil.example:8080'

describe('the remote API key is bound to the address it was entered for', () => {
  it('is sent to that server only, however its address is written', async () => {
    const keyring = new RemoteKeyring(new MemoryStore(), {})
    await keyring.save('sk-gpu', `${GPU}/v1/`)
    for (const same of [GPU, `${GPU}/`, `${GPU}/v1`, 'gpu.lan:8080', 'HTTP://GPU.LAN:8080'])
      expect(await keyring.keyFor(same), same).toBe('sk-gpu')
    for (const other of [EVIL, 'http://gpu.lan:8081', 'https://gpu.lan:8080', `${GPU}/proxy`])
      expect(await keyring.keyFor(other), other).toBe(null)
  })

  it('says that a key is held for another address, and which, when the address changed', async () => {
    const keyring = new RemoteKeyring(new MemoryStore(), {})
    expect(await keyring.status(GPU)).toEqual({
      hasKey: false,
      persistent: true,
      source: null,
      boundTo: null,
    })
    await keyring.save('sk-gpu', GPU)
    expect(await keyring.status(GPU)).toEqual({
      hasKey: true,
      persistent: true,
      source: 'stored',
      boundTo: GPU,
    })
    expect(await keyring.status(EVIL)).toEqual({
      hasKey: false,
      persistent: true,
      source: 'stored',
      boundTo: GPU,
    })
    // Entered again for the new address, it goes there, and no longer to the old one.
    await keyring.save('sk-new', EVIL)
    expect(await keyring.keyFor(EVIL)).toBe('sk-new')
    expect(await keyring.keyFor(GPU)).toBe(null)
    await keyring.save(null, EVIL)
    expect(await keyring.status(EVIL)).toMatchObject({ hasKey: false, source: null })
  })

  it('never sends a key saved before keys were bound, and refuses to bind one to a bad address', async () => {
    const store = new MemoryStore()
    store.values.set('remote-api-key', 'sk-from-an-older-quire')
    const keyring = new RemoteKeyring(store, {})
    expect(await keyring.keyFor(GPU)).toBe(null)
    expect(await keyring.status(GPU)).toMatchObject({
      hasKey: false,
      source: 'stored',
      boundTo: null,
    })
    await expect(keyring.save('sk', 'ftp://gpu.lan')).rejects.toMatchObject({
      code: 'invalid-request',
    })
    expect(store.values.get('remote-api-key')).toBe('sk-from-an-older-quire')
  })

  it('sends QUIRE_REMOTE_API_KEY only to QUIRE_REMOTE_BASE_URL, and nowhere without it', async () => {
    const bound = new RemoteKeyring(new EnvSecretStore(), {
      QUIRE_REMOTE_API_KEY: ' sk-env \n',
      QUIRE_REMOTE_BASE_URL: `${GPU}/v1`,
    })
    expect(await bound.keyFor(GPU)).toBe('sk-env')
    expect(await bound.keyFor(EVIL)).toBe(null)
    expect(await bound.status(EVIL)).toEqual({
      hasKey: false,
      persistent: false,
      source: 'environment',
      boundTo: GPU,
    })
    const unbound = new RemoteKeyring(new EnvSecretStore(), { QUIRE_REMOTE_API_KEY: 'sk-env' })
    expect(await unbound.keyFor(GPU)).toBe(null)
    expect(await unbound.status(GPU)).toMatchObject({ source: 'environment', boundTo: null })
    const blank = new RemoteKeyring(new EnvSecretStore(), { QUIRE_REMOTE_API_KEY: '  ' })
    expect(await blank.status(GPU)).toMatchObject({ hasKey: false, source: null })
  })

  it('prefers the key saved in Settings for the address to the environment’s', async () => {
    const store = new MemoryStore()
    const keyring = new RemoteKeyring(store, {
      QUIRE_REMOTE_API_KEY: 'sk-env',
      QUIRE_REMOTE_BASE_URL: GPU,
    })
    await keyring.save('sk-saved', GPU)
    expect(await keyring.keyFor(GPU)).toBe('sk-saved')
    await keyring.save('sk-saved', EVIL)
    expect(await keyring.keyFor(GPU)).toBe('sk-env')
    expect(await keyring.status(GPU)).toMatchObject({ hasKey: true, source: 'environment' })
  })

  it('compares addresses as servers, and never matches an address Quire cannot use', () => {
    expect(sameServer('gpu.lan:8080', 'http://gpu.lan:8080/v1')).toBe(true)
    expect(sameServer('http://gpu.lan:80', 'http://gpu.lan')).toBe(true)
    expect(sameServer('not a url', 'not a url')).toBe(false)
    expect(sameServer(null, GPU)).toBe(false)
  })
})

describe('EnvSecretStore (the quire command)', () => {
  it('keeps nothing, and says where to put a key instead', async () => {
    const store = new EnvSecretStore()
    expect(store.persistent).toBe(false)
    expect(await store.get('remote-api-key')).toBe(null)
    await expect(store.set('remote-api-key', 'sk-123')).rejects.toMatchObject({
      code: 'invalid-request',
      message: expect.stringMatching(
        /Set QUIRE_REMOTE_API_KEY and QUIRE_REMOTE_BASE_URL .* or save the key in the Quire desktop app/,
      ),
    })
  })
})
