import { describe, expect, it } from 'vitest'
import type { ModelListEntry } from '@shared/contract'
import { routeRequest, type RouteContext } from '@core/generation/routeRequest'

const entry = (id: string, path: string | null, status: ModelListEntry['status'] = 'installed') =>
  ({
    id,
    title: `Title of ${id}`,
    source: 'downloaded',
    status,
    isDefault: false,
    path,
    sizeBytes: 1,
    partialBytes: null,
  }) satisfies ModelListEntry

const models = [
  entry('qwen3-4b', '/m/qwen3-4b.gguf'),
  entry('qwen3-8b', '/m/qwen3-8b.gguf'),
  entry('half-done', null, 'partial'),
  entry('moved-away', '/m/gone.gguf', 'missing'),
]

const local: RouteContext = {
  main: { kind: 'local', model: { name: 'Qwen3 4B', path: '/m/qwen3-4b.gguf' } },
  models,
  remoteBaseUrl: '',
}

describe('routing a configuration to a backend', () => {
  it('runs a configuration without a model on the model in use', () => {
    expect(routeRequest(undefined, local)).toEqual({ kind: 'main' })
    expect(routeRequest({}, local)).toEqual({ kind: 'main' })
  })

  it('runs the model in use on the main engine, whether named by id, name or file', () => {
    for (const model of ['qwen3-4b', 'Qwen3 4B', 'qwen3-4b.gguf', '/m/qwen3-4b.gguf'])
      expect(routeRequest({ model }, local)).toEqual({ kind: 'main' })
  })

  it('sends another installed model to the second engine, with its file', () => {
    expect(routeRequest({ model: 'qwen3-8b' }, local)).toEqual({
      kind: 'local',
      modelId: 'qwen3-8b',
      path: '/m/qwen3-8b.gguf',
      title: 'Title of qwen3-8b',
    })
  })

  it('refuses a model that is unknown, half downloaded or whose file is gone, by name', () => {
    for (const [model, name] of [
      ['llama-70b', 'llama-70b'],
      ['half-done', 'Title of half-done'],
      ['moved-away', 'Title of moved-away'],
    ] as const)
      expect(() => routeRequest({ model }, local)).toThrow(
        expect.objectContaining({ key: 'compare-model-missing', params: { name } }),
      )
  })

  it('sends the remote backend to the server in Settings, and refuses it when none is set', () => {
    expect(() => routeRequest({ backend: 'remote' }, local)).toThrow(
      expect.objectContaining({ key: 'compare-remote-not-set' }),
    )
    expect(
      routeRequest({ backend: 'remote' }, { ...local, remoteBaseUrl: 'http://gpu:8000/v1' }),
    ).toEqual({ kind: 'remote' })
  })

  it('while the server is in use: remote is the main backend, a local model the second engine', () => {
    const remote: RouteContext = {
      main: { kind: 'remote', model: { name: 'qwen3-32b', path: 'http://gpu:8000/v1' } },
      models,
      remoteBaseUrl: 'http://gpu:8000/v1',
    }
    expect(routeRequest({ backend: 'remote' }, remote)).toEqual({ kind: 'main' })
    expect(routeRequest({ model: 'qwen3-32b' }, remote)).toEqual({ kind: 'main' })
    expect(routeRequest({ model: 'qwen3-4b' }, remote)).toMatchObject({
      kind: 'local',
      path: '/m/qwen3-4b.gguf',
    })
    expect(() => routeRequest({ backend: 'local' }, remote)).toThrow(
      expect.objectContaining({ key: 'compare-local-needs-model' }),
    )
  })
})
