// Section 6 (`--model FILE`): generation speed on the writer's own model and GPU, beside the
// memory-bandwidth bound: each token reads every weight once, so tokens/s ≤ bandwidth ÷ model bytes.
import { stat } from 'node:fs/promises'
import { getLlama, LlamaLogLevel } from 'node-llama-cpp'
import { engineJobSchema } from '../../src/core/engine/backend'
import { LlamaEngine, type RunListener } from '../../src/core/engine/worker/llamaEngine'
import { samplingValuesSchema } from '../../src/shared/presets/schema'
import { median, round } from './measure'
import type { BenchContext, SectionResult } from './types'

/** Published memory bandwidth (GB/s) of devices writers often have; others need --bandwidth. */
const KNOWN_BANDWIDTH: [pattern: RegExp, gbPerSecond: number][] = [
  [/Apple M1$/, 68],
  [/Apple M1 Pro/, 200],
  [/Apple M1 Max/, 400],
  [/Apple M2$/, 100],
  [/Apple M2 Pro/, 200],
  [/Apple M2 Max/, 400],
  [/Apple M3$/, 100],
  [/Apple M3 Pro/, 150],
  [/Apple M4$/, 120],
  [/Apple M4 Pro/, 273],
  [/Apple M4 Max/, 546],
  [/RTX 3060\b(?! Ti)/, 360],
  [/RTX 3070\b(?! Ti)/, 448],
  [/RTX 3080\b(?! Ti)/, 760],
  [/RTX 3090\b(?! Ti)/, 936],
  [/RTX 4060\b(?! Ti)/, 272],
  [/RTX 4070\b(?! Ti| SUPER)/, 504],
  [/RTX 4080\b(?! SUPER)/, 717],
  [/RTX 4090/, 1008],
]

const quiet: RunListener = { queued: () => {}, started: () => {}, delta: () => {} }

/** The bandwidth of the first device Quire knows, with its name. */
export function knownBandwidth(devices: string[]): { device: string; gbPerSecond: number } | null {
  for (const device of devices)
    for (const [pattern, gbPerSecond] of KNOWN_BANDWIDTH)
      if (pattern.test(device)) return { device, gbPerSecond }
  return null
}

/** Generation tokens/s on the real model beside bandwidth ÷ model bytes. */
export async function realModel(
  bench: BenchContext,
  bandwidthOverride: number | null,
): Promise<SectionResult> {
  const bytes = (await stat(bench.model)).size
  const llama = await getLlama({
    gpu: bench.gpu ? 'auto' : false,
    build: 'never',
    logLevel: LlamaLogLevel.error,
  })
  const devices = llama.gpu === false ? [] : await llama.getGpuDeviceNames()
  const known = knownBandwidth(devices)
  const bandwidth = bandwidthOverride ?? known?.gbPerSecond ?? null
  const engine = new LlamaEngine()
  const info = await engine.load({
    path: bench.model,
    threads: bench.threads,
    contextSize: bench.contextSize,
    gpu: bench.gpu ? 'auto' : 'off',
  })
  const speeds: number[] = []
  try {
    for (let seed = 0; seed < 3; seed++) {
      const job = engineJobSchema.parse({
        runId: crypto.randomUUID(),
        prompt: { kind: 'messages', system: 'You are a writer.', user: 'Continue the story.' },
        sampling: samplingValuesSchema.parse({
          temperature: 0.8,
          topP: 0.9,
          topK: 50,
          repeatPenalty: 1.1,
          maxTokens: 256,
        }),
        seed,
      })
      speeds.push((await engine.generate(job, quiet)).stats.tokensPerSecond)
    }
  } finally {
    await engine.dispose()
  }
  const speed = median(speeds)
  const bound = bandwidth === null ? null : (bandwidth * 1e9) / bytes
  const device = devices.join(', ') || 'CPU'
  return {
    figures: {
      device,
      backend: info.backend,
      gpuLayers: info.gpuLayers,
      modelBytes: bytes,
      tokensPerSecond: round(speed, 1),
      bandwidthGbPerSecond: bandwidth,
      bandwidthBoundTokensPerSecond: bound === null ? null : round(bound, 1),
      shareOfBound: bound === null ? null : round(speed / bound, 3),
    },
    rows: [
      {
        measure: `Generation on ${info.name} (${round(bytes / 1e9, 2)} GB, ${device}, ${info.gpuLayers}/${info.totalLayers} layers on GPU)`,
        value:
          bound === null
            ? `${round(speed, 1)} tok/s (bandwidth unknown: pass --bandwidth GB/s)`
            : `${round(speed, 1)} tok/s = ${round((speed / bound) * 100, 0)}% of the ${round(bound, 1)} tok/s bound (${bandwidth} GB/s ÷ model bytes)`,
        target: '',
        met: null,
      },
    ],
  }
}
