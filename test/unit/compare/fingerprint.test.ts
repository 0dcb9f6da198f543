import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  canonicalJson,
  configurationDifferences,
  contentVersion,
  fingerprint,
} from '@shared/compare/fingerprint'
import { configurationSchema, type ResolvedConfiguration } from '@shared/compare/configuration'

const resolved: ResolvedConfiguration = {
  promptId: 'rewrite.lyrical',
  language: 'zh',
  promptVersion: 'a1b2c3d4e5f6',
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
  personaVersion: '0f0e0d0c0b0a',
  lora: [],
  model: 'Qwen3-4B-Instruct-2507',
  backend: 'local',
}

/** The same object with its keys written in the opposite order, at every level. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, child]) => [key, reversed(child)]),
  )
}

describe('configuration fingerprints', () => {
  it('are SHA-256 over RFC 8785 canonical JSON: sorted keys, no spaces, short numbers', () => {
    expect(canonicalJson({ b: 1.0, a: [true, null, 'x'], c: { z: 0.5, y: 1e21 } })).toBe(
      '{"a":[true,null,"x"],"b":1,"c":{"y":1e+21,"z":0.5}}',
    )
    const expected = createHash('sha256').update(canonicalJson(resolved)).digest('hex')
    expect(fingerprint(resolved)).toBe(expected.slice(0, 16))
  })

  it('do not depend on key order or on absent fields', () => {
    expect(fingerprint(reversed(resolved))).toBe(fingerprint(resolved))
    const spec = { promptId: 'rewrite.lyrical', overrides: { preset: 'wild' } }
    expect(fingerprint({ ...spec, overrides: { ...spec.overrides, persona: undefined } })).toBe(
      fingerprint(spec),
    )
  })

  it('stay the same across releases for a stored vote (pinned value)', () => {
    // A vote written today must still name its configuration after an upgrade; the value is
    // `printf '{"overrides":{},"promptId":"rewrite.lyrical"}' | sha256sum`, cut to 16 digits.
    expect(fingerprint({ promptId: 'rewrite.lyrical', overrides: {} })).toBe('ffb1a76a85385a39')
  })

  it('change with any value a writer could notice', () => {
    const warmer = { ...resolved, sampling: { ...resolved.sampling, temperature: 0.9 } }
    const otherPersona = { ...resolved, persona: 'poet' }
    const withLora = { ...resolved, lora: [{ file: 'autumn.gguf', scale: 1 }] }
    const prints = new Set([resolved, warmer, otherPersona, withLora].map((c) => fingerprint(c)))
    expect(prints.size).toBe(4)
  })

  it('are equal for a parsed configuration and the same one with defaults spelled out', () => {
    const parsed = configurationSchema.parse({ promptId: 'poem.free-verse' })
    expect(fingerprint(parsed)).toBe(fingerprint({ overrides: {}, promptId: 'poem.free-verse' }))
  })

  it('name a template by its content', () => {
    expect(contentVersion('Rewrite {{selection}}')).toBe(contentVersion('Rewrite {{selection}}'))
    expect(contentVersion('Rewrite {{selection}}')).not.toBe(
      contentVersion('Rewrite {{selection}} '),
    )
    expect(contentVersion('x')).toMatch(/^[0-9a-f]{12}$/)
  })
})

describe('what differs between two configurations', () => {
  it('is nothing for the same configuration written in another key order', () => {
    expect(configurationDifferences(resolved, reversed(resolved) as object)).toEqual([])
  })

  it('lists each changed setting with both values, in a stable order', () => {
    const b = {
      ...resolved,
      persona: 'poet',
      sampling: { ...resolved.sampling, temperature: 1.1, topK: 60 },
    }
    expect(configurationDifferences(resolved, b)).toEqual([
      { path: 'persona', a: 'default', b: 'poet' },
      { path: 'sampling.temperature', a: '0.85', b: '1.1' },
      { path: 'sampling.topK', a: '50', b: '60' },
    ])
  })

  it('shows a setting only one side has, and a LoRA set as a whole', () => {
    const a = { promptId: 'rewrite.lyrical', overrides: { preset: 'wild' } }
    const b = {
      promptId: 'rewrite.lyrical',
      overrides: { lora: [{ file: 'autumn.gguf', scale: 0.5 }] },
    }
    expect(configurationDifferences(a, b)).toEqual([
      { path: 'overrides.lora', a: null, b: '[{"file":"autumn.gguf","scale":0.5}]' },
      { path: 'overrides.preset', a: 'wild', b: null },
    ])
  })
})
