import { samplingValuesSchema, type SamplingValues } from '@shared/presets/schema'

/** The "balanced" preset's values, with overrides, for engine tests. */
export function testSampling(overrides: Partial<SamplingValues> = {}): SamplingValues {
  return samplingValuesSchema.parse({
    temperature: 0.8,
    topP: 0.9,
    topK: 50,
    repeatPenalty: 1.1,
    maxTokens: 64,
    ...overrides,
  })
}
