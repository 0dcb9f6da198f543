import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLocalClient, type QuireApi } from '@shared/contract'
import type { SecretName, SecretStore } from '@core/secrets/secretStore'
import { createQuireService, type RunningQuireService } from '@core/service/createQuireService'
import { RESOURCES_DIR } from '../../support/engineLauncher'
import { recordingServer } from './support/localServers'

/** The desktop app's keychain, in memory: it keeps what it is given. */
class MemoryStore implements SecretStore {
  readonly persistent = true
  private readonly values = new Map<SecretName, string>()
  async get(name: SecretName) {
    return this.values.get(name) ?? null
  }
  async set(name: SecretName, value: string | null) {
    if (value === null) this.values.delete(name)
    else this.values.set(name, value)
  }
}

describe('a key saved in Settings (the desktop app) goes only to the address it was entered for', () => {
  let service: RunningQuireService
  let api: QuireApi
  let first: Awaited<ReturnType<typeof recordingServer>>
  let second: Awaited<ReturnType<typeof recordingServer>>

  beforeAll(async () => {
    ;[first, second] = await Promise.all([recordingServer(), recordingServer()])
    const dataDir = mkdtempSync(join(tmpdir(), 'quire-key-binding-'))
    // Starts on the remote backend: no engine process is needed.
    writeFileSync(
      join(dataDir, 'settings.json'),
      JSON.stringify({ engine: { backend: 'remote' }, remote: { baseUrl: first.base } }),
    )
    service = await createQuireService({
      resourcesDir: RESOURCES_DIR,
      dataDir,
      secrets: new MemoryStore(),
      environment: {},
      documentsFolder: mkdtempSync(join(tmpdir(), 'quire-key-binding-docs-')),
      launchEngine: () => {
        throw new Error('the remote backend needs no engine process')
      },
    })
    api = createLocalClient(service)
  })
  afterAll(async () => {
    await service?.dispose()
    await first?.close()
    await second?.close()
  })

  it('stops sending the key when the address changes over the contract, until it is entered again', async () => {
    expect(await api.setRemoteApiKey({ apiKey: 'sk-for-first' })).toEqual({
      hasKey: true,
      persistent: true,
      source: 'stored',
      boundTo: first.base,
    })
    expect(first.seen.at(-1)).toBe('Bearer sk-for-first')

    await api.updateSettings({ remote: { baseUrl: `${second.base}/v1` } })
    expect(second.seen.length).toBeGreaterThan(0)
    expect(second.seen.filter((authorization) => authorization !== null)).toEqual([])
    expect(await api.getRemoteKeyStatus()).toEqual({
      hasKey: false,
      persistent: true,
      source: 'stored',
      boundTo: first.base,
    })

    // Entered again, it is bound to the new address, and the old one gets it no more.
    await api.setRemoteApiKey({ apiKey: 'sk-for-second' })
    expect(second.seen.at(-1)).toBe('Bearer sk-for-second')
    const before = first.seen.length
    await api.updateSettings({ remote: { baseUrl: first.base } })
    expect(first.seen.slice(before)).toEqual(first.seen.slice(before).map(() => null))
    expect(first.seen.length).toBeGreaterThan(before)
  })
})
