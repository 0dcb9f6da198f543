#!/usr/bin/env node
// `npm test`: typecheck, lint, format check, the Electron checklist gate, build, fixtures, the
// packaging layout test, then every vitest project (unit, model, e2e). Ends with one line
// `N passed, N failed` that counts every check and test run.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { findChromium, CHROMIUM_HINT } from './chromium.mjs'

const results = { passed: 0, failed: 0 }
const failures = []

function step(name, command, args, env = {}) {
  process.stdout.write(`\n── ${name}\n`)
  const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  const ok = run.status === 0
  if (!ok) failures.push(name)
  return ok
}

function check(name, command, args) {
  const ok = step(name, command, args)
  if (ok) results.passed++
  else results.failed++
  return ok
}

check('typecheck (tsc -b)', 'npx', ['tsc', '-b'])
check('lint (eslint)', 'npx', ['eslint', '.', '--max-warnings=0'])
check('format (prettier --check)', 'npx', ['prettier', '--check', '.', '--log-level=warn'])
check('Electron checklist (electronegativity over src/)', 'npx', [
  'tsx',
  'scripts/electronegativity/run.ts',
])
const built = step('build (electron-vite build)', 'npx', ['electron-vite', 'build'])
const fixtures = step('fixtures (npm run fixtures)', 'npx', ['tsx', 'test/fixtures/generate.ts'])
// Packs against a stub Electron and checks the layout; it needs the build and the tiny model.
if (built && fixtures) {
  check('package layout (electron-builder --dir)', 'npx', ['tsx', 'scripts/packageLayout/run.ts'])
} else {
  results.failed++
  failures.push('package layout (not run: the build or the fixtures failed)')
}

const chromium = findChromium()
if (!chromium) process.stdout.write(`\n${CHROMIUM_HINT}\n`)

mkdirSync('test/.artifacts', { recursive: true })
// Vitest gives a 2-core machine one worker, so its projects would run one after the other. The
// e2e project (Chromium) runs in a second vitest beside the unit and model projects; its output
// is printed after theirs. QUIRE_TEST_SERIAL=1 runs them in one vitest instead.
const serial = process.env.QUIRE_TEST_SERIAL === '1'
const runs = serial
  ? [{ name: 'unit, model, e2e', projects: [], report: 'test/.artifacts/vitest.json' }]
  : [
      { name: 'unit, model', projects: ['unit', 'model'], report: 'test/.artifacts/vitest.json' },
      { name: 'e2e', projects: ['e2e'], report: 'test/.artifacts/vitest-e2e.json', log: true },
    ]

/** One vitest run; resolves to whether it exited cleanly. */
function vitest(run) {
  process.stdout.write(
    `\n── tests (vitest: ${run.name})${run.log ? ', printed when it ends' : ''}\n`,
  )
  const args = ['vitest', 'run', '--reporter=default', '--reporter=json']
  args.push(`--outputFile.json=${run.report}`, ...run.projects.flatMap((p) => ['--project', p]))
  rmSync(run.report, { force: true })
  const child = spawn('npx', args, {
    stdio: ['ignore', run.log ? 'pipe' : 'inherit', run.log ? 'pipe' : 'inherit'],
    env: { ...process.env, CHROMIUM_PATH: chromium ?? '' },
  })
  const output = []
  child.stdout?.on('data', (chunk) => output.push(chunk))
  child.stderr?.on('data', (chunk) => output.push(chunk))
  return new Promise((resolve) =>
    child.on('close', (code) => {
      if (run.log) {
        process.stdout.write(`\n── tests (vitest: ${run.name}), its output\n`)
        process.stdout.write(Buffer.concat(output))
      }
      resolve(code === 0)
    }),
  )
}

/** Adds a finished run's counts from its JSON report; a missing report is one failure. */
function count(run, ok) {
  if (!ok) failures.push(`tests (vitest: ${run.name})`)
  if (!existsSync(run.report)) {
    results.failed++
    return
  }
  const json = JSON.parse(readFileSync(run.report, 'utf8'))
  results.passed += json.numPassedTests
  results.failed +=
    json.numFailedTests +
    (json.numTotalTests -
      json.numPassedTests -
      json.numFailedTests -
      (json.numPendingTests ?? 0) -
      (json.numTodoTests ?? 0))
  // A test file that failed to load has no tests to count; count it as a failure.
  results.failed += json.testResults.filter(
    (file) => file.status === 'failed' && file.assertionResults.length === 0,
  ).length
}

if (built && fixtures) {
  const outcomes = await Promise.all(runs.map(vitest))
  runs.forEach((run, index) => count(run, outcomes[index]))
} else {
  results.failed++
}

if (failures.length > 0) process.stdout.write(`\nFailed: ${failures.join(', ')}\n`)
process.stdout.write(`\n${results.passed} passed, ${results.failed} failed\n`)
process.exit(results.failed === 0 && failures.length === 0 ? 0 : 1)
