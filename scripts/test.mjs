#!/usr/bin/env node
// `npm test`: typecheck, lint, format check, the Electron checklist gate, build, fixtures, the
// packaging layout test, then every vitest project (unit, model, e2e). Ends with one line
// `N passed, N failed` that counts every check and test run.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
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
const report = 'test/.artifacts/vitest.json'
if (built && fixtures) {
  step(
    'tests (vitest: unit, model, e2e)',
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    {
      CHROMIUM_PATH: chromium ?? '',
    },
  )
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'))
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
  } else {
    results.failed++
  }
} else {
  results.failed++
}

if (failures.length > 0) process.stdout.write(`\nFailed: ${failures.join(', ')}\n`)
process.stdout.write(`\n${results.passed} passed, ${results.failed} failed\n`)
process.exit(results.failed === 0 && failures.length === 0 ? 0 : 1)
