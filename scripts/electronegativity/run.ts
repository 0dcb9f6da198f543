// The Electron checklist gate (a counted step of `npm test`): runs @doyensec/electronegativity
// over src/ for the Electron version in package.json, writes its findings as CSV to
// test/.artifacts/electronegativity.csv, and exits 1 on any HIGH or MEDIUM
// finding not suppressed inline with a reason (see findings.ts), or on a file it could not parse.
// It runs without a network: the tool fetches translations and Electron's release list, so this
// calls its runner in-process with `got` answering 404 (the bundled English messages are used)
// and leaves out the one check that needs the release list (AvailableSecurityFixesGlobalCheck;
// Electron is pinned in package.json).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import {
  findingsFromIssues,
  findSuppressions,
  judge,
  toCsvReport,
  type Finding,
  type ToolIssue,
} from './findings.js'
import { listFiles } from '../packageLayout/checks.js'

/** The package's main export (dist/runner.js sets module.exports to its run function). */
type Runner = (options: Record<string, unknown>) => Promise<{
  issues: ToolIssue[]
  errors: { file: string; message: string; tolerable: boolean }[]
}>

const root = resolve(import.meta.dirname, '..', '..')
// `run.ts [folder] [report.csv]`: src/ and test/.artifacts/electronegativity.csv unless named.
const input = resolve(process.argv[2] ?? join(root, 'src'))
const report = resolve(process.argv[3] ?? join(root, 'test', '.artifacts', 'electronegativity.csv'))
const require = createRequire(import.meta.url)
const toolDir = dirname(require.resolve('@doyensec/electronegativity/package.json'))
const toolRequire = createRequire(join(toolDir, 'package.json'))

function electronVersion(): string {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>
  }
  const version = manifest.devDependencies['electron']?.replace(/^[\^~]/, '')
  if (!version) throw new Error('package.json names no electron version')
  return version
}

async function main(): Promise<number> {
  // The runner asks the network for translations (and, in the check left out, for Electron's
  // releases) through `got`. Answer every such request with a 404 from here instead: the
  // bundled English messages are used, and nothing leaves the machine.
  const gotPath = toolRequire.resolve('got')
  const offline = (url: string): Promise<{ statusCode: number; body: string }> => {
    process.stderr.write(`electronegativity asked for ${url}: answered 404 offline\n`)
    return Promise.resolve({ statusCode: 404, body: '' })
  }
  const cached = { id: gotPath, filename: gotPath, loaded: true, exports: offline }
  ;(toolRequire.cache as Record<string, unknown>)[gotPath] = cached
  const runner = toolRequire('./dist/runner.js') as Runner
  const version = electronVersion()
  const result = await runner({
    input,
    output: undefined,
    isSarif: false,
    customScan: [],
    excludeFromScan: ['availablesecurityfixesglobalcheck'],
    severitySet: undefined,
    confidenceSet: undefined,
    isRelative: true,
    isVerbose: true,
    electronUpgrade: undefined,
    electronVersionOverride: version,
    parserPlugins: [],
  })
  const findings = findingsFromIssues(result.issues)
  mkdirSync(dirname(report), { recursive: true })
  writeFileSync(report, toCsvReport(findings))
  const suppressions = listFiles(input)
    .filter((file) => /\.(ts|tsx|js|mjs|cjs|html)$/.test(file))
    .flatMap((file) => findSuppressions(file, readFileSync(join(input, file), 'utf8')))
  const { failing, suppressed, unexplained } = judge(findings, suppressions)
  const unparsed = result.errors.filter((error) => !error.tolerable)

  const where = (f: Finding): string => (f.file === 'N/A' ? 'the whole app' : `${f.file}:${f.line}`)
  process.stdout.write(
    `electronegativity over ${relative(root, input) || '.'}/ as Electron ${version}: ${findings.length} findings, ` +
      `report in ${relative(root, report)}\n`,
  )
  for (const f of suppressed) process.stdout.write(`  suppressed ${f.check} (${where(f)})\n`)
  for (const s of suppressions.filter((s) => !unexplained.includes(s))) {
    process.stdout.write(`  ${s.file}:${s.line} ${s.checks.join(' ')}: ${s.reason}\n`)
  }
  for (const f of failing) {
    process.stdout.write(`✗ ${f.severity} ${f.check} at ${where(f)}: ${f.description}\n`)
  }
  for (const s of unexplained) {
    process.stdout.write(`✗ ${s.file}:${s.line} eng-disable without a reason after "--"\n`)
  }
  for (const e of unparsed) process.stdout.write(`✗ could not parse ${e.file}: ${e.message}\n`)
  const problems = failing.length + unexplained.length + unparsed.length
  process.stdout.write(
    problems === 0 ? 'no HIGH or MEDIUM finding left\n' : `${problems} problems\n`,
  )
  return problems === 0 ? 0 : 1
}

main().then(
  (status) => process.exit(status),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    )
    process.exit(1)
  },
)
