import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { evalSuiteSchema, type EvalSuite } from '@shared/eval'
import { forkLauncher } from '@core/engine/host/forkLauncher'
import { casesWithUnusedBefore } from '@core/eval/caseWarnings'
import { DEFAULT_EVAL_CONTEXT, evalContextSize, suiteContextNeed } from '@core/eval/contextNeed'
import { openEvalHost, type EvalTarget } from '@core/eval/evalHost'
import { renderReportHtml } from '@core/eval/reportHtml'
import { defaultReportLanguage } from '@core/eval/reportLanguage'
import { reportLanguages, type ReportLanguage } from '@core/eval/reportStrings'
import { resolveConfigurations } from '@core/eval/configurations'
import { runEval } from '@core/eval/runEval'
import { loadLibrary } from '@core/library/loadLibrary'
import { loadCatalog } from '@core/models/catalog'
import { ModelStore } from '@core/models/modelStore'
import { userDataDir } from '@core/settings/userDataDir'
import { EnvSecretStore } from '@core/secrets/envSecretStore'
import { REMOTE_KEY_ENV, REMOTE_KEY_URL_ENV, RemoteKeyring } from '@core/secrets/remoteKeyring'
import packageJson from '../../../package.json'
import { hostPaths } from '../hostPaths'
import { intOption } from '../options'
import { UsageError } from '../usageError'

export const evalUsage = `quire eval (--model FILE | --remote URL) --suite FILE [options]

  --model FILE|ID       GGUF model to run on this machine: a file, or an id from "quire models list"
  --remote URL          an OpenAI-compatible server instead (vLLM, TGI, llama.cpp, another
                        quire serve), e.g. http://gpu-box:8000/v1; its key from ${REMOTE_KEY_ENV},
                        sent only when ${REMOTE_KEY_URL_ENV} names the same server
  --remote-model NAME   the model to ask the server for (default: the server's first)
  --suite FILE          the cases to run; "subjective" is the bundled zh+en suite
  --configs A,B         configurations to compare: the suite's, sampling presets, or "prompt"
                        (each prompt as its file says; the default)
  --samples N           answers per case and configuration (default 3)
  --seed S              seed of the first sample; sample i uses S+i (default: random, recorded)
  --out DIR             where report.json and report.html go (default: quire-eval-<time>)
  --concurrency N       requests at once (default 2 local, 4 remote; local runs that many sequences)
  --max-tokens N        cap every answer's token budget (default: each prompt's own)
  --context N           tokens of context per sequence (default: ${DEFAULT_EVAL_CONTEXT}, or more when the
                        longest case needs it, up to the model's own; with --remote, ${DEFAULT_EVAL_CONTEXT}:
                        give the server's, which Quire cannot ask for)
  --lang zh|en          the language of report.html (default: Settings' interface language,
                        else the system's); report.json is the same in both
  --threads N           CPU threads for a local model (default: one per physical core)`

async function readSuite(name: string): Promise<{ suite: EvalSuite; file: string }> {
  const file =
    name === 'subjective' && !existsSync(name)
      ? join(hostPaths.resourcesDir, 'eval', 'subjective.json')
      : resolve(name)
  let json: unknown
  try {
    json = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'there is no such file'
        : (error as Error).message
    throw new UsageError(`Cannot read the suite ${file}: ${reason}.`)
  }
  const parsed = evalSuiteSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : ''
    throw new UsageError(`The suite ${file} is not valid${where}: ${issue?.message ?? ''}`)
  }
  return { suite: parsed.data, file }
}

async function modelPath(model: string): Promise<string> {
  if (existsSync(model)) return resolve(model)
  const store = new ModelStore(
    join(userDataDir(), 'models'),
    await loadCatalog(hostPaths.resourcesDir),
  )
  return store.pathOf(model).catch(() => {
    throw new UsageError(`There is no model file or installed model "${model}".`)
  })
}

/** `quire eval`: runs a suite's cases under one or more configurations and writes a report. */
export async function runEvalCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      model: { type: 'string' },
      remote: { type: 'string' },
      'remote-model': { type: 'string', default: '' },
      suite: { type: 'string' },
      configs: { type: 'string' },
      samples: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      concurrency: { type: 'string' },
      threads: { type: 'string' },
      'max-tokens': { type: 'string' },
      context: { type: 'string' },
      lang: { type: 'string' },
    },
  })
  if (!values.model === !values.remote)
    throw new UsageError('Give either --model FILE or --remote URL.')
  if (!values.suite)
    throw new UsageError('--suite FILE is required ("subjective" is the bundled suite).')
  if (values.remote && !/^https?:\/\/[^/]/.test(values.remote))
    throw new UsageError('--remote takes an http:// or https:// address.')
  const samples = intOption('samples', values.samples, { min: 1, max: 100 }) ?? 3
  const seed =
    intOption('seed', values.seed, { max: 4_294_967_295 }) ?? Math.floor(Math.random() * 1_000_000)
  const concurrency =
    intOption('concurrency', values.concurrency, { min: 1, max: values.remote ? 64 : 8 }) ??
    (values.remote ? 4 : 2)
  const maxTokens = intOption('max-tokens', values['max-tokens'], { min: 1, max: 8192 })
  const threads = intOption('threads', values.threads, { min: 1, max: 256 }) ?? 0
  const context = intOption('context', values.context, { min: 512, max: 262_144 })
  if (values.lang !== undefined && !reportLanguages.includes(values.lang as ReportLanguage))
    throw new UsageError(`--lang takes zh or en, not "${values.lang}".`)
  const language =
    (values.lang as ReportLanguage | undefined) ?? (await defaultReportLanguage(userDataDir()))
  const configNames = values.configs
    ?.split(',')
    .map((name) => name.trim())
    .filter(Boolean)
  if (configNames?.length === 0) throw new UsageError('--configs takes names separated by commas.')
  const { suite, file } = await readSuite(values.suite)
  const out = resolve(values.out ?? `quire-eval-${new Date().toISOString().replace(/[:.]/g, '-')}`)
  const library = await loadLibrary({
    resourcesDir: hostPaths.resourcesDir,
    dataDir: userDataDir(),
  })
  const configurations = resolveConfigurations(configNames, suite, library)
  for (const unused of casesWithUnusedBefore(library, suite, configurations))
    process.stderr.write(
      `quire: the case "${unused.caseId}" gives text before the selection, but ${unused.prompt} does not use {{before}}: that text is not sent.\n`,
    )
  // Large enough that no case's text is shortened (the engine caps it at the model's own).
  const contextSize =
    context ?? evalContextSize(suiteContextNeed(library, suite, configurations, maxTokens))

  const target: EvalTarget = values.remote
    ? {
        kind: 'remote',
        baseUrl: values.remote,
        model: values['remote-model'],
        // The environment's key, only for the server it is bound to (as everywhere in Quire).
        apiKey: await new RemoteKeyring(new EnvSecretStore()).keyFor(values.remote),
        timeoutMs: 120_000,
        // A server's context cannot be asked for: the default unless --context says.
        contextSize: context ?? DEFAULT_EVAL_CONTEXT,
      }
    : {
        kind: 'local',
        modelPath: await modelPath(values.model ?? ''),
        launch: forkLauncher(hostPaths.engineEntry, {
          echoStderr: process.env.QUIRE_DEBUG === '1',
        }),
        threads,
        contextSize,
        sequences: concurrency,
      }
  const host = await openEvalHost({ library, dataDir: userDataDir(), target })
  try {
    const total = configurations.length * suite.cases.length * samples
    process.stderr.write(
      `quire: ${suite.name}: ${suite.cases.length} cases × ${configurations.length} configurations × ${samples} samples on ${host.model.name} (context ${host.model.contextSize} tokens per sequence), seeds from ${seed}\n`,
    )
    const report = await runEval(host, {
      suite,
      suiteFile: file,
      configurations,
      samples,
      seed,
      concurrency,
      maxTokens,
      quireVersion: packageJson.version,
      onSample: (done) => {
        if (process.stderr.isTTY) process.stderr.write(`\rquire: ${done}/${total} samples`)
      },
    })
    if (process.stderr.isTTY) process.stderr.write('\n')
    await mkdir(out, { recursive: true })
    await writeFile(join(out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`)
    await writeFile(join(out, 'report.html'), renderReportHtml(report, language))
    const errors = report.samples.filter((s) => s.error).length
    for (const { name } of configurations) {
      const m = report.metrics[name]
      if (m)
        process.stdout.write(
          `${name}: score ${m.meanScore.toFixed(3)}, compliance ${(m.complianceRate * 100).toFixed(0)}%, distinct-1 ${m.distinct1.toFixed(3)}, distinct-2 ${m.distinct2.toFixed(3)}, repeated 3-grams ${(m.repeatedTrigramShare * 100).toFixed(1)}%, ${m.meanTokensPerSecond.toFixed(1)} tokens/s\n`,
        )
    }
    process.stdout.write(
      `Report: ${join(out, 'report.html')}${errors ? ` (${errors} samples failed; see report.json)` : ''}\n`,
    )
  } finally {
    await host.dispose()
  }
}
