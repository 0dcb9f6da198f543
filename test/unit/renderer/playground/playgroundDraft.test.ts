import { describe, expect, it } from 'vitest'
import type { PromptSummary } from '@shared/contract'
import { generationOverridesSchema } from '@shared/compare/configuration'
import { readFrontMatter } from '@shared/prompts/frontMatter'
import {
  overridesFrom,
  presetFrom,
  samplingProblems,
  versionText,
  type VoiceDraft,
} from '../../../../src/renderer/src/playground/playgroundDraft'

const voice: VoiceDraft = {
  persona: 'default',
  basePersona: 'default',
  system: 'You are Quire.\n',
  personaText: 'You are Quire.',
  lora: [],
  baseLora: [],
}
const sampling = { temperature: 0.6, topP: 0.9, topK: 40, repeatPenalty: 1.1 }
const FILE = `---
id: rewrite.lyrical
kind: rewrite
title: Lyrical prose
persona: default
preset: creative
---
## Role
Old template.
`

describe('what a playground run sends', () => {
  it('sends only the template and sampling values while persona and adapters are the prompt’s own', () => {
    const overrides = overridesFrom('## Role\nNew.', sampling, voice)
    expect(overrides).toEqual({ template: { body: '## Role\nNew.' }, sampling })
    expect(generationOverridesSchema.safeParse(overrides).success).toBe(true)
  })

  it('names another persona, an edited system message and a changed LoRA set', () => {
    const overrides = overridesFrom('Body', sampling, {
      ...voice,
      persona: 'poet',
      personaText: 'You write poems.',
      system: 'You write short poems.',
      lora: [{ file: 'autumn.gguf', scale: 0.5 }],
    })
    expect(overrides).toEqual({
      template: { body: 'Body', system: 'You write short poems.' },
      sampling,
      persona: 'poet',
      lora: [{ file: 'autumn.gguf', scale: 0.5 }],
    })
    // Turning the prompt's own adapter off is a change too: an empty set runs without it.
    const off = overridesFrom('Body', sampling, {
      ...voice,
      baseLora: [{ file: 'autumn.gguf', scale: 1 }],
    })
    expect(off.lora).toEqual([])
  })
})

describe('what the playground saves', () => {
  it('saves a prompt version with the template and the persona chosen, not the system message', () => {
    const text = versionText(FILE, 'New template.', {
      ...voice,
      persona: 'poet',
      system: 'Edited.',
    })
    const front = readFrontMatter(text, '')
    expect(front.ok && front.body.trim()).toBe('New template.')
    expect(text).toContain('persona: poet')
    expect(text).not.toContain('Edited.')
    expect(versionText(FILE, 'New template.', voice)).toContain('persona: default')
  })

  it('saves a preset with the sampling values and the LoRA set', () => {
    const prompt = { title: 'Lyrical prose' } as PromptSummary
    const base = { temperature: 0.85, topP: 0.92, topK: 50, repeatPenalty: 1.15, maxTokens: 384 }
    const preset = presetFrom(
      'Quiet evening',
      base as Parameters<typeof presetFrom>[1],
      { ...sampling, maxTokens: 200 },
      prompt,
      [{ file: 'autumn.gguf', scale: 0.5 }],
    )
    expect(preset).toMatchObject({
      id: 'quiet-evening',
      temperature: 0.6,
      maxTokens: 200,
      lora: [{ file: 'autumn.gguf', scale: 0.5 }],
    })
  })
})

describe('samplingProblems', () => {
  const good = { ...sampling, maxTokens: 384 }

  it('flags exactly the values the contract would refuse, so nothing is sent with them', () => {
    expect(samplingProblems(good)).toEqual([])
    const bad = { temperature: -3, topP: 0, topK: 40.5, repeatPenalty: 1.1, maxTokens: NaN }
    expect(samplingProblems(bad)).toEqual(['temperature', 'topP', 'topK', 'maxTokens'])
    // What the fields allow is what the contract accepts: an allowed value passes its schema.
    const overrides = overridesFrom('## Input\n{{selection}}', sampling, voice)
    expect(generationOverridesSchema.safeParse(overrides).success).toBe(true)
    const refused = overridesFrom(
      '## Input\n{{selection}}',
      { ...sampling, temperature: -3 },
      voice,
    )
    expect(generationOverridesSchema.safeParse(refused).success).toBe(false)
  })
})
