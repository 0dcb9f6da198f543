import { afterEach, describe, expect, it, vi } from 'vitest'
import { doneEventSchema, type GenerationEvent } from '@shared/contract'
import { GenerationService, type PreparedRequest } from '@core/generation/generationService'
import { ModelReadiness } from '@core/generation/modelReadiness'
import { cleanPartial, stepRegistry, type StepSpec } from '@shared/postprocess'
import type * as StripThink from '@shared/postprocess/stripThink'
import type * as Units from '@shared/postprocess/units'
import { FakeBackend, sampling, settle, stats } from './fakeBackend'

/** Switches that make the streaming pass throw, as a bug in it would. */
const broken = vi.hoisted(() => ({ partial: false, units: false }))
vi.mock('@shared/postprocess/stripThink', async (importOriginal) => {
  const original = await importOriginal<typeof StripThink>()
  return {
    ...original,
    stripThinkText: (text: string) => {
      if (broken.partial) throw new RangeError('Maximum call stack size exceeded')
      return original.stripThinkText(text)
    },
  }
})
vi.mock('@shared/postprocess/units', async (importOriginal) => {
  const original = await importOriginal<typeof Units>()
  return {
    ...original,
    unitEnds: (text: string) => {
      if (broken.units) throw new TypeError('Cannot read properties of undefined')
      return original.unitEnds(text)
    },
  }
})

const prepared = (steps: StepSpec[]): PreparedRequest => ({
  job: {
    prompt: { kind: 'messages', system: 'You write warmly.', user: 'Rewrite: rain' },
    sampling,
    seed: 7,
    lora: [],
  },
  finishing: { steps, language: 'en' },
})

function setup() {
  const backend = new FakeBackend(true)
  const readiness = new ModelReadiness(() => backend.getStatus())
  const service = new GenerationService({ backend: () => backend, readiness })
  const events: GenerationEvent[] = []
  const writer = { id: 'window-1', send: (event: GenerationEvent) => void events.push(event) }
  return { backend, service, writer, events }
}

const STEPS: StepSpec[] = [
  'strip-think',
  'strip-preamble',
  'dedupe-sentences',
  { 'trim-length': 40 },
]
const RAW =
  "Sure! Here's the rewritten text:\n\nThe rain fell. The rain fell. It was late and the roof sang."

afterEach(() => {
  vi.restoreAllMocks()
  broken.partial = false
  broken.units = false
})

describe('a post-processing step that throws', () => {
  it('ends the request with the raw answer and the failed step named, and the host serves the next one', async () => {
    const { backend, service, writer, events } = setup()
    vi.spyOn(stepRegistry, 'dedupe-sentences').mockImplementation(() => {
      throw new SyntaxError('Regular expression too large')
    })
    service.generate(writer, 'r1', prepared(STEPS))
    await settle()
    const first = backend.last()
    first.sink.started({ messages: [], trimmedBefore: false, promptTokens: 3 })
    first.sink.delta(RAW, 20)
    expect(() => first.sink.done(RAW, stats())).not.toThrow()
    const done = doneEventSchema.parse(events.at(-1))
    expect(done).toMatchObject({ text: RAW, raw: RAW, changes: [], retried: false })
    expect(done.flags).toMatchObject({ postprocessFailed: 'dedupe-sentences', keptRaw: false })
    expect(service.size).toBe(0)

    vi.mocked(stepRegistry['dedupe-sentences']).mockRestore()
    service.generate(writer, 'r2', prepared(STEPS))
    await settle()
    backend.last().sink.done(RAW, stats())
    const second = doneEventSchema.parse(events.at(-1))
    expect(second.text).toBe('The rain fell. It was late and the roof sang.')
    expect(second.flags.postprocessFailed).toBeUndefined()
  })

  it('keeps streaming when the budget check throws, then ends with the raw answer', async () => {
    const { backend, service, writer, events } = setup()
    broken.units = true
    service.generate(writer, 'r1', prepared(STEPS))
    await settle()
    const { sink } = backend.last()
    // The budget check measures the text as it streams; the same code cuts it at the end.
    expect(() => sink.delta('The rain fell. The rain fell. ', 6)).not.toThrow()
    expect(() => sink.delta('It was late and the roof sang all night long.', 16)).not.toThrow()
    expect(events.filter((event) => event.type === 'delta')).toHaveLength(2)
    expect(backend.cancelled).toEqual([])
    const raw = 'The rain fell. The rain fell. It was late and the roof sang all night long.'
    expect(() => sink.done(raw, stats())).not.toThrow()
    const done = doneEventSchema.parse(events.at(-1))
    expect(done).toMatchObject({ text: raw, raw, changes: [] })
    expect(done.flags.postprocessFailed).toBe('trim-length')
  })

  it('shows the raw text while streaming when the partial pass throws', () => {
    broken.partial = true
    expect(cleanPartial('<think>hmm</think>The rain fell.', ['strip-think'])).toBe(
      '<think>hmm</think>The rain fell.',
    )
  })
})
