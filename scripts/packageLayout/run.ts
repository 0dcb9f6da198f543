// The packaging layout test (`npm run test:package`, and a counted step of `npm test`).
// electron-builder cannot download Electron here, so it packs against a stub Electron (a folder
// with one script named `electron`) with `--dir`, and QUIRE_PACKAGE_LAYOUT_TEST=1 tells the
// fuses hook that there is no real binary to flip. Then it checks the folder it made, and loads
// the packaged node-llama-cpp, from the packaged files only, on the tiny test model.
// Needs `electron-vite build` first (and `npm run fixtures` for the engine check). Exits 1 on
// any failed check.
import { spawnSync } from 'node:child_process'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { extractAll } from '@electron/asar'
import {
  checkAsarContents,
  checkNodeLlama,
  checkResources,
  checkSize,
  folderBytes,
  listAsar,
  type Check,
} from './checks.js'
import { PACKAGE_BUDGET_MIB } from './budget.js'

const root = resolve(import.meta.dirname, '..', '..')
const work = mkdtempSync(join(tmpdir(), 'quire-layout-'))

function stubElectron(): string {
  const dir = join(work, 'electron-stub')
  mkdirSync(dir)
  const file = join(dir, 'electron')
  writeFileSync(file, '#!/bin/sh\necho "stub Electron for the packaging layout test" >&2\nexit 1\n')
  chmodSync(file, 0o755)
  return dir
}

function pack(): { appDir: string; log: string } {
  const output = join(work, 'dist')
  const run = spawnSync(
    'npx',
    [
      'electron-builder',
      '--dir',
      '--publish',
      'never',
      `-c.electronDist=${stubElectron()}`,
      `-c.directories.output=${output}`,
    ],
    { cwd: root, encoding: 'utf8', env: { ...process.env, QUIRE_PACKAGE_LAYOUT_TEST: '1' } },
  )
  const log = `${run.stdout}${run.stderr}`
  if (run.status !== 0) throw new Error(`electron-builder failed:\n${log}`)
  const arch = process.arch === 'x64' ? '' : `-${process.arch}`
  return { appDir: join(output, `linux${arch}-unpacked`), log }
}

/** Loads node-llama-cpp from the packaged files alone and reports which addon it mapped. */
function loadPackagedEngine(resources: string): Check {
  const model = join(root, 'test', '.cache', 'tiny-qwen3.gguf')
  const name = 'the packaged node-llama-cpp loads the tiny model from its own binaries'
  if (!existsSync(model)) return { name, ok: false, detail: `run \`npm run fixtures\`: ${model}` }
  const app = join(work, 'app')
  extractAll(join(resources, 'app.asar'), app)
  const probe = join(app, 'layout-probe.mjs')
  writeFileSync(
    probe,
    [
      "import { readFileSync } from 'node:fs'",
      "import { getLlama } from 'node-llama-cpp'",
      "const llama = await getLlama({ gpu: false, build: 'never', logLevel: 'error' })",
      'const model = await llama.loadModel({ modelPath: process.argv[2] })',
      "const addon = readFileSync('/proc/self/maps', 'utf8').split('\\n').find((l) => l.includes('llama-addon.node'))",
      'console.log(JSON.stringify({ buildType: llama.buildType, tokens: model.tokenize("hello").length, addon: addon?.split(" ").at(-1) }))',
      'await model.dispose()',
      'await llama.dispose()',
    ].join('\n'),
  )
  const run = spawnSync(process.execPath, [probe, model], { cwd: app, encoding: 'utf8' })
  const line = run.stdout.trim().split('\n').at(-1) ?? ''
  try {
    const seen = JSON.parse(line) as { buildType: string; tokens: number; addon?: string }
    const ok = seen.buildType === 'prebuilt' && seen.tokens > 0 && !!seen.addon?.startsWith(app)
    return { name, ok, detail: `${seen.buildType}, ${seen.addon ?? 'no addon mapped'}` }
  } catch {
    return { name, ok: false, detail: `${run.stdout}${run.stderr}`.trim().slice(-800) }
  }
}

function main(): number {
  if (process.platform !== 'linux') {
    process.stdout.write('The packaging layout test runs on Linux (CI); nothing was checked.\n')
    return 1
  }
  const { appDir, log } = pack()
  const resources = join(appDir, 'resources')
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>
  }
  const budget = PACKAGE_BUDGET_MIB[`${process.platform}-${process.arch}`] ?? 0
  const checks: Check[] = [
    {
      name: 'the fuses hook skipped the stub, and said so',
      ok: log.includes('QUIRE_PACKAGE_LAYOUT_TEST=1: layout test against a stub Electron'),
      detail: log.includes('fuses NOT flipped') ? 'yes' : 'no such line in the build log',
    },
    ...checkAsarContents(listAsar(join(resources, 'app.asar'))),
    ...checkNodeLlama(
      resources,
      process.platform,
      process.arch,
      manifest.dependencies['node-llama-cpp'] ?? '',
    ),
    ...checkResources(resources, join(root, 'resources')),
    checkSize(
      folderBytes(appDir) - folderBytes(join(work, 'electron-stub')),
      budget,
      `${process.platform} ${process.arch}`,
    ),
    loadPackagedEngine(resources),
  ]
  for (const check of checks) {
    process.stdout.write(`${check.ok ? '✓' : '✗'} ${check.name} (${check.detail})\n`)
  }
  const failed = checks.filter((check) => !check.ok).length
  process.stdout.write(`package layout: ${checks.length - failed} held, ${failed} failed\n`)
  return failed === 0 ? 0 : 1
}

let status = 1
try {
  status = main()
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
} finally {
  rmSync(work, { recursive: true, force: true })
}
process.exit(status)
