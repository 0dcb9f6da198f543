import { describe, expect, it } from 'vitest'
import { startedEventSchema, type GenerationEvent } from '@shared/contract'
import { fingerprint } from '@shared/compare/fingerprint'
import { GenerationService, type PreparedRequest } from '@core/generation/generationService'
import { ModelReadiness } from '@core/generation/modelReadiness'
import { FakeBackend, fakeModel, settle } from '../generation/fakeBackend'

const sampling = {
  temperature: 1.1,
  topP: 0.9,
  topK: 40,
  minP: 0,
  repeatPenalty: 1.1,
  frequencyPenalty: 0,
  presencePenalty: 0,
  dryStrength: 0,
  maxTokens: 64,
}

const prepared: PreparedRequest = {
  job: {
    prompt: { kind: 'messages', system: 'You are terse.', user: 'Rain.', turns: [] },
    sampling,
    lora: [],
  },
  finishing: null,
  configuration: {
    promptId: 'rewrite.lyrical',
    language: 'en',
    promptVersion: 'aaaaaaaaaaaa',
    preset: 'creative',
    sampling,
    persona: 'default',
    personaVersion: 'bbbbbbbbbbbb',
    lora: [],
  },
}

describe('the started event', () => {
  it('names the configuration that ran, with the model and backend, and its fingerprint', async () => {
    const backend = new FakeBackend()
    const service = new GenerationService({
      backend: () => backend,
      readiness: new ModelReadiness(() => backend.getStatus()),
    })
    const events: GenerationEvent[] = []
    service.generate({ id: 'w', send: (event) => events.push(event) }, 'r1', prepared)
    await settle()
    backend.last().sink.started({
      messages: [{ role: 'user', content: 'Rain.' }],
      trimmedBefore: false,
      promptTokens: 3,
    })
    const started = startedEventSchema.parse(events[0])
    const ran = { ...prepared.configuration, model: fakeModel.name, backend: 'local' }
    expect(started.configuration).toEqual(ran)
    expect(started.fingerprint).toBe(fingerprint(ran))
  })
})
