import { beforeAll, describe, expect, it } from 'vitest'
import { generateCallSchema, type GenerateCall } from '@shared/contract'
import { dispatchCall, type ContractHandlers } from '@shared/contract'
import { fingerprint } from '@shared/compare/fingerprint'
import { loadLibrary, type LayeredLibrary } from '@core/library/loadLibrary'
import { prepareRequest, type PrepareOptions } from '@core/generation/prepareRequest'
import { RESOURCES_DIR, tempDataDir } from '../library/tempLibrary'

let library: LayeredLibrary
beforeAll(async () => {
  library = await loadLibrary({ resourcesDir: RESOURCES_DIR, dataDir: await tempDataDir() })
})

const options: PrepareOptions = {
  languageSetting: 'auto',
  loraFile: (file) => `/data/lora/${file}`,
  replacements: () => [],
  modelInUse: () => 'tiny-model',
}

const call = (overrides?: GenerateCall['overrides']) =>
  generateCallSchema.parse({
    requestId: crypto.randomUUID(),
    promptId: 'rewrite.lyrical',
    selection: 'The rain fell on the old town.',
    language: 'en',
    overrides,
  })

const prepare = (overrides?: GenerateCall['overrides']) =>
  prepareRequest(library, call(overrides), options)

const preset = (id: string) => library.presets.find((p) => p.id === id)

describe('a request’s configuration overrides', () => {
  it('run the action as its file says when there are none, and say so', () => {
    const plain = prepare()
    expect(plain.job.sampling.temperature).toBe(preset('creative')?.temperature)
    expect(plain.configuration).toMatchObject({
      promptId: 'rewrite.lyrical',
      language: 'en',
      preset: 'creative',
      persona: 'default',
      lora: [],
      sampling: plain.job.sampling,
    })
  })

  it('switch the preset, keeping the prompt’s token budget', () => {
    const wild = prepare({ preset: 'wild' })
    expect(wild.job.sampling).toMatchObject({
      temperature: preset('wild')?.temperature,
      topK: preset('wild')?.topK,
      maxTokens: 384,
    })
    expect(wild.configuration?.preset).toBe('wild')
  })

  it('set single sampling values on top of the preset', () => {
    const hot = prepare({ preset: 'precise', sampling: { temperature: 1.2, maxTokens: 100 } })
    expect(hot.job.sampling).toMatchObject({
      temperature: 1.2,
      topP: preset('precise')?.topP,
      maxTokens: 100,
    })
    // Values the override does not name stay the preset's (zod's partial() once filled them
    // with their defaults, so any override turned off precise's min-p).
    expect(preset('precise')?.minP).toBe(0.05)
    expect(hot.job.sampling.minP).toBe(0.05)
  })

  it('swap the persona (the system message) and the LoRA set', () => {
    const poet = prepare({ persona: 'poet', lora: [{ file: 'autumn.gguf', scale: 0.5 }] })
    const plain = prepare()
    expect(poet.job.prompt.system).not.toBe(plain.job.prompt.system)
    expect(poet.job.lora).toEqual([{ file: '/data/lora/autumn.gguf', scale: 0.5 }])
    expect(poet.configuration).toMatchObject({ persona: 'poet', lora: [{ file: 'autumn.gguf' }] })
    expect(poet.configuration?.personaVersion).not.toBe(plain.configuration?.personaVersion)
  })

  it('try a template from the playground, with the request’s variables, as a new prompt version', () => {
    const tried = prepare({
      template: { body: 'Say it plainly: {{selection}}', system: 'You are terse.' },
    })
    expect(tried.job.prompt).toMatchObject({
      system: 'You are terse.',
      bareUser: 'Say it plainly: The rain fell on the old town.',
    })
    expect(tried.configuration?.promptVersion).not.toBe(prepare().configuration?.promptVersion)
    expect(tried.configuration?.promptId).toBe('rewrite.lyrical')
  })

  it('give equal configurations equal fingerprints and different ones different', () => {
    const print = (overrides?: GenerateCall['overrides']) =>
      fingerprint(prepare(overrides).configuration)
    expect(print()).toBe(print())
    // Naming the preset the prompt already uses drops only the prompt's own tweaks (none here).
    expect(print({ preset: 'creative' })).toBe(print())
    expect(print({ sampling: { temperature: 0.9 } })).not.toBe(print())
  })

  it('refuse a preset, persona, template or model that cannot run, with what is wrong', () => {
    expect(() => prepare({ preset: 'nope' })).toThrow(/no sampling preset "nope"/)
    expect(() => prepare({ persona: 'ghost' })).toThrow(/no persona "ghost"/)
    expect(() => prepare({ template: { body: 'Hi {{#selection}} unclosed' } })).toThrow(
      /template cannot be read/,
    )
    expect(() => prepare({ model: 'big-model' })).toThrow(
      /runs on the model "big-model", but "tiny-model" is in use/,
    )
    expect(prepare({ model: 'tiny-model' }).configuration?.promptId).toBe('rewrite.lyrical')
  })
})

describe('the host’s check of overrides', () => {
  const handlers = {
    generate: async (input: unknown) => input,
  } as unknown as ContractHandlers
  const send = (overrides: unknown) =>
    dispatchCall(handlers, 'generate', {
      requestId: crypto.randomUUID(),
      promptId: 'rewrite.lyrical',
      selection: 'rain',
      overrides,
    })

  it('refuses values out of range and settings it does not know, naming the field', async () => {
    await expect(send({ sampling: { temperature: 5 } })).rejects.toThrow(
      /overrides\.sampling\.temperature/,
    )
    await expect(send({ seed: 3 })).rejects.toThrow(/overrides/)
    await expect(send({ lora: [{ file: '../escape.gguf' }] })).rejects.toThrow(/lora folder/)
    await expect(send({ template: { body: '   ' } })).rejects.toThrow(/template is empty/)
  })

  it('passes valid overrides through, with defaults filled in', async () => {
    await expect(send({ lora: [{ file: 'a.gguf' }], preset: 'wild' })).resolves.toMatchObject({
      overrides: { preset: 'wild', lora: [{ file: 'a.gguf', scale: 1 }] },
    })
  })
})
