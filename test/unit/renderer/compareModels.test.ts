import { describe, expect, it } from 'vitest'
import type { TFunction } from 'i18next'
import type { StartedEvent } from '@shared/contract'
import type { ResolvedConfiguration } from '@shared/compare/configuration'
import { fingerprint } from '@shared/compare/fingerprint'
import {
  challengerOverrides,
  challengers,
  defaultChallenger,
} from '../../../src/renderer/src/compare/challengers'
import { runningOn, runsOn } from '../../../src/renderer/src/compare/differences'
import { backendChoices } from '../../../src/renderer/src/compare/useChallengers'
import { winnerAction } from '../../../src/renderer/src/compare/winnerAction'

const installed = [
  { id: 'qwen3-4b', title: 'Qwen3 4B (Q4_K_M)', name: 'Qwen3 4B', path: '/m/4b.gguf' },
  { id: 'qwen3-8b', title: 'Qwen3 8B (Q4_K_M)', name: 'Qwen3 8B', path: '/m/8b.gguf' },
]

describe('Compare’s model choices', () => {
  it('offers the installed models but the one in use, and the server when one is set', () => {
    const view = { installed, inUsePath: '/m/4b.gguf', remoteInUse: false, remoteAddress: '' }
    expect(backendChoices(view)).toEqual({
      models: [{ id: 'qwen3-8b', title: 'Qwen3 8B' }],
      remote: null,
    })
    expect(backendChoices({ ...view, remoteAddress: 'http://gpu:8000/v1' }).remote).toBe(
      'http://gpu:8000/v1',
    )
    // The server in use: every local model is a challenger, the server is the current side.
    expect(
      backendChoices({ ...view, inUsePath: null, remoteInUse: true, remoteAddress: 'http://gpu' }),
    ).toEqual({
      models: [
        { id: 'qwen3-4b', title: 'Qwen3 4B' },
        { id: 'qwen3-8b', title: 'Qwen3 8B' },
      ],
      remote: null,
    })
  })

  it('lists them after the settings, never as the first choice, and turns them into overrides', () => {
    const options = challengers(
      { id: 'rewrite.lyrical', preset: 'creative', persona: 'default' },
      [{ id: 'wild', title: 'Wild' }],
      [],
      [],
      { models: [{ id: 'qwen3-8b', title: 'Qwen3 8B' }], remote: 'http://gpu:8000/v1' },
    )
    expect(options.slice(-2).map((option) => option.key)).toEqual([
      'model:qwen3-8b',
      'backend:remote',
    ])
    expect(defaultChallenger(options, 'creative', null)?.key).toBe('preset:wild')
    expect(defaultChallenger(options, 'creative', 'model:qwen3-8b')?.key).toBe('model:qwen3-8b')
    const [model, remote] = options.slice(-2)
    expect(model && challengerOverrides(model)).toEqual({ model: 'qwen3-8b' })
    expect(remote && challengerOverrides(remote)).toEqual({ backend: 'remote' })
  })
})

const base: ResolvedConfiguration = {
  promptId: 'rewrite.lyrical',
  language: 'zh',
  promptVersion: 'aaaaaaaaaaaa',
  preset: 'creative',
  sampling: {
    temperature: 0.85,
    topP: 0.92,
    topK: 50,
    minP: 0,
    repeatPenalty: 1.15,
    frequencyPenalty: 0,
    presencePenalty: 0,
    dryStrength: 0,
    maxTokens: 384,
  },
  persona: 'default',
  personaVersion: 'bbbbbbbbbbbb',
  lora: [],
  model: 'Qwen3 4B',
  backend: 'local',
}
const side = (configuration: ResolvedConfiguration) => ({
  configuration,
  fingerprint: fingerprint(configuration),
})
const pair = (first: ResolvedConfiguration, second: ResolvedConfiguration) => ({
  first: side(first),
  second: side(second),
})

describe('making a winner the default', () => {
  const bigger = { ...base, model: 'Qwen3 8B' }

  it('saves settings when only settings differed', () => {
    const wild = { ...base, preset: 'wild' }
    expect(winnerAction(pair(base, wild), wild, installed, '/m/4b.gguf')).toEqual({
      kind: 'settings',
    })
  })

  it('offers a winning local model as the model in use, found by its name', () => {
    expect(winnerAction(pair(base, bigger), bigger, installed, '/m/4b.gguf')).toEqual({
      kind: 'load',
      model: 'Qwen3 8B',
      path: '/m/8b.gguf',
      alsoSettings: false,
    })
    // The model in use won: nothing to switch.
    expect(winnerAction(pair(base, bigger), base, installed, '/m/4b.gguf')).toMatchObject({
      kind: 'in-use',
    })
  })

  it('also saves the settings that differed beside the model', () => {
    const both = { ...bigger, preset: 'wild' }
    expect(winnerAction(pair(base, both), both, installed, '/m/4b.gguf')).toMatchObject({
      kind: 'load',
      alsoSettings: true,
    })
  })

  it('explains a winning server and a model no longer installed instead of acting', () => {
    const server = { ...base, model: 'qwen3-32b', backend: 'remote' as const }
    expect(winnerAction(pair(base, server), server, installed, '/m/4b.gguf')).toMatchObject({
      kind: 'server',
      model: 'qwen3-32b',
    })
    const gone = { ...base, model: 'Llama 3 8B' }
    expect(winnerAction(pair(base, gone), gone, installed, '/m/4b.gguf')).toMatchObject({
      kind: 'missing',
      model: 'Llama 3 8B',
    })
  })
})

describe('what the card says each side ran on', () => {
  // Words are the keys and values themselves: the test is about what is said, not how.
  const t = ((key: string, values?: Record<string, unknown>) =>
    values ? `${key}(${Object.values(values).join('|')})` : key) as unknown as TFunction
  const started = (model: string, backend: 'local' | 'remote') =>
    ({ model, configuration: { ...base, model, backend } }) as StartedEvent

  it('names both models in an order that does not tell which answer is which', () => {
    const small = started('Qwen3 4B', 'local')
    const server = started('qwen3-32b', 'remote')
    expect(runningOn(t, small, server)).toBe(runningOn(t, server, small))
    expect(runningOn(t, small, server)).toContain('Qwen3 4B|compare.backend.local')
    expect(runningOn(t, small, server)).toContain('qwen3-32b|compare.backend.remote')
    expect(runsOn(t, server)).toBe('compare.runsOn(qwen3-32b|compare.backend.remote)')
  })

  it('says nothing while one has not started, or when both run on the same model', () => {
    expect(runningOn(t, started('Qwen3 4B', 'local'), null)).toBeNull()
    expect(runningOn(t, started('Qwen3 4B', 'local'), started('Qwen3 4B', 'local'))).toBeNull()
  })
})
