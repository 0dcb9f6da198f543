import { describe, expect, it } from 'vitest'
import { remoteKeyWarning } from '../../../src/renderer/src/settings/remoteKeyWarning'

const GPU = 'http://gpu.lan:8080'
const status = (
  hasKey: boolean,
  source: 'stored' | 'environment' | null,
  boundTo: string | null,
) => ({
  hasKey,
  persistent: source === 'stored',
  source,
  boundTo,
})

describe('what the API key field says about the address a key is for', () => {
  it('says nothing when no key is held, or the key goes to the address shown', () => {
    expect(remoteKeyWarning(null, GPU)).toBe(null)
    expect(remoteKeyWarning(status(false, null, null), GPU)).toBe(null)
    for (const same of [GPU, `${GPU}/`, `${GPU}/v1`, 'gpu.lan:8080', ' HTTP://GPU.lan:8080/v1/ '])
      expect(remoteKeyWarning(status(true, 'stored', GPU), same), same).toBe(null)
  })

  it('warns, before saving, that another address means entering the key again', () => {
    expect(remoteKeyWarning(status(true, 'stored', GPU), 'http://evil.example:8080')).toEqual({
      key: 'addressChanging',
      url: GPU,
    })
    expect(remoteKeyWarning(status(true, 'environment', GPU), 'http://gpu.lan:9090')).toEqual({
      key: 'addressChanging',
      url: GPU,
    })
  })

  it('says why a held key is not sent, and which address it is for', () => {
    expect(remoteKeyWarning(status(false, 'stored', GPU), 'http://other:1')).toEqual({
      key: 'storedForOther',
      url: GPU,
    })
    expect(remoteKeyWarning(status(false, 'stored', null), GPU)).toEqual({
      key: 'storedUnbound',
      url: null,
    })
    expect(remoteKeyWarning(status(false, 'environment', GPU), 'http://other:1')).toEqual({
      key: 'environmentForOther',
      url: GPU,
    })
    expect(remoteKeyWarning(status(false, 'environment', null), GPU)).toEqual({
      key: 'environmentUnbound',
      url: null,
    })
  })
})
