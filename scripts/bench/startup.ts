// Section 4: the engine process from spawn to a loaded model (against node-llama-cpp loading
// the same model in a fresh process), and the renderer from navigation to an editor ready.
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { EngineHost } from '../../src/core/engine/host/engineHost'
import { forkLauncher } from '../../src/core/engine/host/forkLauncher'
import { startQuireServe } from '../../test/support/quireServe'
import { launchBenchChromium } from './chromium'
import { interleave, median, round } from './measure'
import type { BenchContext, SectionResult } from './types'

const ENGINE = fileURLToPath(new URL('../../out/main/engine.js', import.meta.url))
const BARE_LOAD = fileURLToPath(new URL('./bareLoad.mjs', import.meta.url))
const RENDERER = fileURLToPath(new URL('../../out/renderer/', import.meta.url))

/** Spawn of Quire's engine process to its model loaded, in ms. */
async function quireEngineStart(bench: BenchContext): Promise<number> {
  const started = performance.now()
  const host = new EngineHost({
    launch: forkLauncher(ENGINE),
    threads: bench.threads,
    contextSize: bench.contextSize,
    gpu: bench.gpu ? 'auto' : 'off',
    gpuLayers: 'auto',
    sequences: 2,
    onStatus: () => {},
  })
  try {
    await host.start()
    await host.loadModel(bench.model)
    return performance.now() - started
  } finally {
    await host.dispose()
  }
}

/** Spawn of a bare node-llama-cpp process to its model loaded, in ms. */
function bareEngineStart(bench: BenchContext): Promise<number> {
  const started = performance.now()
  const args = [String(bench.threads), String(bench.contextSize), bench.gpu ? 'on' : 'off']
  const child = spawn(process.execPath, [BARE_LOAD, bench.model, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (data: Buffer) => {
      if (data.toString().includes('READY')) resolve(performance.now() - started)
    })
    child.once('exit', (code) => reject(new Error(`the bare load exited (${code})`)))
  })
}

/** The renderer's JavaScript: total size, the entry chunk, and whether the panels load later. */
function bundle(): { totalKb: number; entryKb: number; chunks: number; lazyPanels: boolean } {
  const assets = join(RENDERER, 'assets')
  const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'))
  const html = readFileSync(join(RENDERER, 'index.html'), 'utf8')
  const entry = scripts.find((name) => html.includes(name)) ?? scripts[0] ?? ''
  const size = (name: string) => statSync(join(assets, name)).size
  const entryText = entry ? readFileSync(join(assets, entry), 'utf8') : ''
  // Strings only the panels render: lazy panels keep them out of the entry chunk.
  const panelMarkers = ['library-file-problems', 'settings-error']
  return {
    totalKb: Math.round(scripts.reduce((sum, name) => sum + size(name), 0) / 1024),
    entryKb: Math.round((entry ? size(entry) : 0) / 1024),
    chunks: scripts.length,
    lazyPanels: panelMarkers.every((marker) => !entryText.includes(marker)),
  }
}

/** Navigation to an editor that takes typing, in ms, on fresh pages (no cache). */
async function rendererStart(bench: BenchContext): Promise<number[]> {
  const serve = await startQuireServe(['--model', bench.model])
  const browser = await launchBenchChromium()
  try {
    const times: number[] = []
    // Fresh pages differ little from one another: four after a first one are enough.
    for (let i = 0; i < Math.min(bench.rounds, 4) + 1; i++) {
      const context = await browser.newContext()
      const page = await context.newPage()
      const started = performance.now()
      await page.goto(serve.url)
      await page
        .locator('[data-testid="editor"][contenteditable="true"]')
        .waitFor({ timeout: 30_000 })
      if (i > 0) times.push(performance.now() - started)
      await context.close()
    }
    return times
  } finally {
    await browser.close()
    await serve.stop()
  }
}

/** Engine start-up as a ratio to node-llama-cpp alone; renderer start-up and its bundle. */
export async function startUp(bench: BenchContext): Promise<SectionResult> {
  // Each start is a new process loading the model, seconds on a busy machine: two measured pairs
  // (after one unrecorded) fit the bench's ten minutes, and this figure has no target.
  const runs = await interleave(
    Math.min(bench.rounds, 2),
    () => quireEngineStart(bench),
    () => bareEngineStart(bench),
  )
  const ratio = median(runs.a) / median(runs.b)
  const page = await rendererStart(bench)
  const js = bundle()
  return {
    figures: {
      engineReadyMs: round(median(runs.a), 0),
      bareReadyMs: round(median(runs.b), 0),
      engineStartRatio: round(ratio, 2),
      editorReadyMs: round(median(page), 0),
      bundleKb: js.totalKb,
      entryChunkKb: js.entryKb,
      chunks: js.chunks,
      lazyPanels: js.lazyPanels,
    },
    rows: [
      {
        measure: 'Engine spawn → model ready, Quire ÷ bare node-llama-cpp process',
        value: `${round(ratio, 2)}× (${round(median(runs.a), 0)} vs ${round(median(runs.b), 0)} ms)`,
        target: '',
        met: null,
      },
      {
        measure: 'Renderer navigation → editor ready',
        value: `${round(median(page), 0)} ms (fresh page, median of ${page.length})`,
        target: '',
        met: null,
      },
      {
        measure: 'Renderer JavaScript (entry chunk; chunks; panels lazy?)',
        value: `${js.totalKb} KB (${js.entryKb} KB; ${js.chunks}; ${js.lazyPanels ? 'lazy' : 'not lazy'})`,
        target: 'panels lazy',
        met: js.lazyPanels,
      },
    ],
  }
}
