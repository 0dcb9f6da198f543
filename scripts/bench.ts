// `npm run bench`: where Quire stands, as ratios of runs interleaved A B A B on this machine
// (its load changes from second to second; the order keeps each ratio fair). Writes
// bench/results/<date>.json and prints a Markdown table. `--model FILE` runs it on a real GGUF.
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { TINY_QWEN_VOCAB_MODEL_PATH } from '../test/fixtures/paths'
import { editorUnderLoad } from './bench/editor'
import { engineCosts } from './bench/engineCosts'
import { memory } from './bench/memory'
import { rendererMemory } from './bench/rendererMemory'
import { pipelineOverhead } from './bench/pipeline'
import { promptCache } from './bench/promptCache'
import { realModel } from './bench/realModel'
import { describeMachine, markdownTable, sampleLoad, writeResults } from './bench/report'
import { startUp } from './bench/startup'
import type { BenchContext, SectionResult } from './bench/types'

const { values } = parseArgs({
  options: {
    model: { type: 'string' },
    threads: { type: 'string' },
    gpu: { type: 'boolean', default: false },
    /** Memory bandwidth in GB/s, when the device is not one Quire knows. */
    bandwidth: { type: 'string' },
    only: { type: 'string', multiple: true },
    rounds: { type: 'string' },
    /** Also measure generation with 2 threads against 1 (slow, and noisy on a shared machine). */
    'compare-threads': { type: 'boolean', default: false },
  },
})

const realModelPath = values.model
const rounds = Number(values.rounds ?? 5)
const bench: BenchContext = {
  model: realModelPath ?? TINY_QWEN_VOCAB_MODEL_PATH,
  realModel: realModelPath !== undefined,
  threads: Number(values.threads ?? (realModelPath ? 0 : 1)),
  contextSize: 4096,
  gpu: values.gpu || realModelPath !== undefined,
  rounds,
  pipelineTokens: realModelPath ? 256 : 300,
  // Pairs are cheap next to the spread a shared machine gives a ratio: more of them, not longer.
  pipelineRounds: Math.max(rounds, Math.round(rounds * 1.6)),
  firstTokenPairs: Math.max(10, rounds * 6),
  compareThreads: values['compare-threads'],
}

const sections: [key: string, title: string, run: () => Promise<SectionResult>][] = [
  ['pipeline', '1 Pipeline', () => pipelineOverhead(bench)],
  ['promptCache', '2 Prompt cache', () => promptCache(bench)],
  ['editor', '3 Editor under load', () => editorUnderLoad(bench)],
  ['startup', '4 Start-up', () => startUp(bench)],
  ['memory', '5 Memory', () => memory(bench)],
  ['rendererMemory', '5 Memory (renderer)', () => rendererMemory(bench)],
  ['realModel', '6 Real model', () => realModel(bench, Number(values.bandwidth) || null)],
  ['engine', 'Engine', () => engineCosts(bench)],
]

const startedAt = new Date()
const began = performance.now()
const load = sampleLoad()
const results: Record<string, SectionResult | { error: string }> = {}
const sectionSeconds: Record<string, number> = {}
const tableSections: { title: string; rows: SectionResult['rows'] }[] = []
for (const [key, title, run] of sections) {
  if (values.only && !values.only.includes(key)) continue
  if (key === 'realModel' && !bench.realModel) continue
  const sectionStart = performance.now()
  process.stderr.write(`bench: ${title}…\n`)
  try {
    const result = await run()
    results[key] = result
    tableSections.push({ title, rows: result.rows })
  } catch (error) {
    // One section failing still leaves the others' figures, and says what went wrong.
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error)
    results[key] = { error: message }
    tableSections.push({
      title,
      rows: [{ measure: 'failed', value: message.split('\n')[0] ?? '', target: '', met: false }],
    })
  }
  sectionSeconds[key] = Math.round((performance.now() - sectionStart) / 1000)
  process.stderr.write(`bench: ${title} took ${sectionSeconds[key]} s\n`)
}

const table = markdownTable(tableSections)
const machine = describeMachine()
const durationS = Math.round((performance.now() - began) / 1000)
const loadDuringRun = load()
const path = writeResults(fileURLToPath(new URL('../bench/results/', import.meta.url)), {
  startedAt,
  machine,
  options: { ...bench, durationS },
  sections: results,
  table,
  durationS,
  sectionSeconds,
  loadDuringRun,
})
console.log(
  `\nMachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}, Node ${machine.node}`,
)
console.log(
  `Model: ${bench.model} (${bench.threads || 'auto'} threads, GPU ${bench.gpu ? 'on' : 'off'})\n`,
)
console.log(table)
console.log(
  `\nLoad average (1 min) during the run: ${loadDuringRun.min}–${loadDuringRun.max}, median ${loadDuringRun.median}`,
)
const perSection = Object.entries(sectionSeconds)
  .map(([key, seconds]) => `${key} ${seconds} s`)
  .join(', ')
console.log(`The run took ${Math.floor(durationS / 60)} min ${durationS % 60} s (${perSection}).`)
console.log(`Wrote ${path}`)
