import { parseArgs } from 'node:util'
import { probeHardware } from '@core/engine/doctor/probeHardware'
import { defaultCatalogEntry, loadCatalog } from '@core/models/catalog'
import { formatBytes, formatDuration, formatParameterCount } from '@core/models/format'
import { normalizeEndpoint } from '@core/models/hfSource'
import { ModelStore } from '@core/models/modelStore'
import { resolveModelsDir } from '@core/models/modelsDir'
import { recommendModel } from '@core/models/recommendModel'
import type { DownloadProgress, ModelListEntry, ModelSummary } from '@core/models/schemas'
import { printable } from '@shared/text/printable'
import { hostPaths } from '../hostPaths'
import { UsageError } from '../usageError'

export const modelsUsage = `quire models list|pull|add|info|remove|doctor [options]

  quire models list                 catalog models and the models on this computer
  quire models pull [ID|URI]        download a catalog model (default: the recommended one),
                                    an https:// URL or an hf:user/repo/file.gguf URI;
                                    Ctrl+C pauses, the same command resumes
  quire models add FILE             use a GGUF file you already have (it is not copied)
  quire models info FILE|ID         check a model file and describe it
  quire models remove ID            remove a model; downloads are deleted, added files kept
  quire models doctor               what llama.cpp runs on here: GPU, memory, CPU

  --dir DIR         models folder (default: "models" in Quire's data folder)
  --endpoint URL    for pull: Hugging Face or a mirror, e.g. https://hf-mirror.com
  --json            for list, info and doctor: print JSON`

const GB = 1e9

/** Words for an entry's state in the list. */
function describeStatus(entry: ModelListEntry): string {
  if (entry.status === 'partial') return 'paused: pull to resume, remove to delete'
  if (entry.status === 'missing') return `file missing: ${entry.path ?? ''}`
  return entry.path ?? ''
}

function printList(dir: string, entries: ModelListEntry[]): void {
  const rows = entries.map((entry) =>
    [
      `${entry.isDefault ? '*' : ' '} ${entry.id}`,
      entry.status,
      entry.sizeBytes === null ? '' : formatBytes(entry.sizeBytes),
      entry.status === 'installed' && entry.path
        ? entry.path
        : `${entry.title}${entry.status === 'available' ? '' : ` (${describeStatus(entry)})`}`,
    ].map((cell) => printable(cell)),
  )
  const widths = [0, 1, 2].map((column) =>
    Math.max(...rows.map((row) => (row[column] ?? '').length)),
  )
  process.stdout.write(`Models in ${dir} (* recommended)\n\n`)
  for (const row of rows)
    process.stdout.write(
      `${row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd()}\n`,
    )
}

function printSummary(summary: ModelSummary): void {
  const rows: [string, string][] = [
    ['Name', summary.name],
    ['Architecture', `${summary.architecture} (${summary.family})`],
    ['Parameters', summary.sizeLabel ?? formatParameterCount(summary.parameterCount)],
    ['Format', summary.quantization ?? 'unknown'],
    ['Context', `${summary.contextLength.toLocaleString('en')} tokens`],
    ['Layers', String(summary.layers)],
    ['Vocabulary', `${summary.vocabularySize.toLocaleString('en')} tokens`],
    ['Size', formatBytes(summary.sizeBytes)],
  ]
  // Every value was read from the file: print none of its control characters.
  process.stdout.write(`${printable(summary.fileName)}: looks good\n`)
  for (const [label, value] of rows)
    process.stdout.write(`  ${label.padEnd(13)} ${printable(value)}\n`)
}

/** One line of pull progress: rewritten in place on a terminal, every few seconds otherwise. */
function progressPrinter(title: string): { update(progress: DownloadProgress): void; end(): void } {
  const tty = process.stderr.isTTY === true
  let lastPrinted = 0
  let lastPhase = ''
  let shown = false
  const line = (p: DownloadProgress): string => {
    if (p.phase === 'connecting') return `Connecting to download ${title}…`
    const percent = p.totalBytes
      ? ` (${Math.floor((p.downloadedBytes / p.totalBytes) * 100)}%)`
      : ''
    if (p.phase === 'verifying') return `Checking ${title}${percent}…`
    const of = p.totalBytes ? ` of ${formatBytes(p.totalBytes)}` : ''
    const speed = p.bytesPerSecond > 0 ? `, ${formatBytes(p.bytesPerSecond)}/s` : ''
    const eta = p.etaSeconds === null ? '' : `, ${formatDuration(p.etaSeconds)} left`
    return `Downloading ${title}: ${formatBytes(p.downloadedBytes)}${of}${percent}${speed}${eta}`
  }
  return {
    update(progress) {
      const now = Date.now()
      const phaseChanged = progress.phase !== lastPhase
      lastPhase = progress.phase
      if (tty) {
        process.stderr.write(`\r\x1b[K${line(progress)}`)
        shown = true
      } else if (phaseChanged || now - lastPrinted >= 5_000) {
        lastPrinted = now
        process.stderr.write(`${line(progress)}\n`)
      }
    },
    end() {
      if (tty && shown) process.stderr.write('\n')
      shown = false
    },
  }
}

async function pull(
  store: ModelStore,
  target: string | undefined,
  endpoint: string | undefined,
): Promise<void> {
  const entry = store.catalog.models.find(
    (model) => model.id === (target ?? defaultCatalogEntry(store.catalog).id),
  )
  const title =
    entry?.title ??
    target
      ?.replace(/[#?].*$/, '')
      .split('/')
      .at(-1) ??
    ''
  const printer = progressPrinter(title)
  const task = store.pull(target, { endpoint, onProgress: (progress) => printer.update(progress) })
  const pause = () => task.pause()
  process.once('SIGINT', pause)
  try {
    const outcome = await task.result
    printer.end()
    const again = `quire models pull${target ? ` ${target}` : ''}`
    if (outcome.status === 'paused') {
      process.stderr.write(`Paused. Run "${again}" to resume.\n`)
      process.exitCode = 130
    } else if (outcome.status === 'cancelled') {
      process.stderr.write('Cancelled.\n')
    } else {
      const { model } = outcome
      const what = `${model.summary.name} (${model.summary.sizeLabel ?? formatParameterCount(model.summary.parameterCount)}, ${model.summary.quantization ?? 'unknown format'})`
      process.stdout.write(
        outcome.alreadyInstalled
          ? `${model.id} is already installed: ${model.path}\n`
          : `Installed ${model.id}: ${what}\n  ${model.path}\n`,
      )
    }
  } finally {
    printer.end()
    process.off('SIGINT', pause)
  }
}

async function doctor(store: ModelStore, json: boolean): Promise<void> {
  const report = await probeHardware()
  const suggested = recommendModel(store.catalog, {
    ramGb: report.ram.totalBytes / GB,
    vramGb: (report.vram?.totalBytes ?? 0) / GB,
  })
  if (json)
    return void process.stdout.write(
      `${JSON.stringify({ ...report, modelsDir: store.dir, suggestedModel: suggested.id }, null, 2)}\n`,
    )
  const rows: [string, string][] = [
    ['Backend', report.backend === 'cpu' ? 'CPU' : report.backend],
    ['GPU', report.gpuDevices.length ? report.gpuDevices.join(', ') : 'none'],
    [
      'VRAM',
      report.vram
        ? `${formatBytes(report.vram.totalBytes)} total, ${formatBytes(report.vram.freeBytes)} free`
        : '-',
    ],
    [
      'RAM',
      `${formatBytes(report.ram.totalBytes)} total, ${formatBytes(report.ram.freeBytes)} free`,
    ],
    ['CPU cores', `${report.cpuMathCores} used for math`],
    ['llama.cpp', `node-llama-cpp ${report.nodeLlamaCpp} on ${report.platform}`],
    ['Suggested', `${suggested.id} (${suggested.title}, ${formatBytes(suggested.sizeBytes)})`],
    ['Models in', store.dir],
  ]
  for (const [label, value] of rows) process.stdout.write(`${label.padEnd(10)} ${value}\n`)
  if (report.gpuNote) process.stdout.write(`\n${report.gpuNote}\n`)
}

/** `quire models`: list, download, import, check and remove models; report the hardware. */
export async function runModels(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      dir: { type: 'string' },
      endpoint: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  })
  const [command, ...rest] = positionals
  const takes = (min: number, max: number, what: string) => {
    if (rest.length < min || rest.length > max)
      throw new UsageError(`quire models ${command} takes ${what}.`)
  }
  if (values.json && !['list', 'info', 'doctor'].includes(command ?? ''))
    throw new UsageError('--json works with list, info and doctor.')
  if (values.endpoint !== undefined && command !== 'pull')
    throw new UsageError('--endpoint works with pull.')
  const endpoint = values.endpoint === undefined ? undefined : normalizeEndpoint(values.endpoint)
  if (endpoint === null)
    throw new UsageError(`--endpoint takes an http(s) address, not "${values.endpoint}".`)
  if (values.dir === '') throw new UsageError('--dir takes a folder.')

  const store = new ModelStore(
    resolveModelsDir(values.dir),
    await loadCatalog(hostPaths.resourcesDir),
  )
  const json = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
  switch (command) {
    case 'list': {
      takes(0, 0, 'no arguments')
      const entries = await store.list()
      return values.json ? void json(entries) : printList(store.dir, entries)
    }
    case 'pull':
      takes(0, 1, 'at most one model id or address')
      return pull(store, rest[0], endpoint)
    case 'add': {
      takes(1, 1, 'one FILE')
      const model = await store.add(rest[0] ?? '')
      return void process.stdout.write(
        `Added ${model.id}: ${model.summary.name}, used from ${model.path}\n`,
      )
    }
    case 'info': {
      takes(1, 1, 'one FILE or model id')
      const summary = await store.info(rest[0] ?? '')
      return values.json ? void json(summary) : printSummary(summary)
    }
    case 'remove': {
      takes(1, 1, 'one model id')
      const removed = await store.remove(rest[0] ?? '')
      const kept = removed.keptPath
        ? ` The file itself was left where it is: ${removed.keptPath}`
        : ''
      return void process.stdout.write(`Removed ${removed.id}.${kept}\n`)
    }
    case 'doctor':
      takes(0, 0, 'no arguments')
      return doctor(store, values.json)
    case undefined:
      throw new UsageError('Say what to do: list, pull, add, info, remove or doctor.')
    default:
      throw new UsageError(`Unknown models command "${command}".`)
  }
}
