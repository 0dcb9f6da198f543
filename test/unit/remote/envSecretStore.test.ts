import { describe, expect, it } from 'vitest'
import { EnvSecretStore } from '@core/secrets/envSecretStore'

describe('EnvSecretStore', () => {
  it('reads the API key from QUIRE_REMOTE_API_KEY, trimmed; blank means none', async () => {
    expect(
      await new EnvSecretStore({ QUIRE_REMOTE_API_KEY: ' sk-123 \n' }).get('remote-api-key'),
    ).toBe('sk-123')
    expect(await new EnvSecretStore({ QUIRE_REMOTE_API_KEY: '  ' }).get('remote-api-key')).toBe(
      null,
    )
    expect(await new EnvSecretStore({}).get('remote-api-key')).toBe(null)
  })

  it('cannot store a key, and says where to put it instead', async () => {
    const store = new EnvSecretStore({})
    expect(store.persistent).toBe(false)
    await expect(store.set('remote-api-key', 'sk-123')).rejects.toMatchObject({
      code: 'invalid-request',
      message: expect.stringMatching(
        /Set QUIRE_REMOTE_API_KEY .* or save the key in the Quire desktop app/,
      ),
    })
  })
})
