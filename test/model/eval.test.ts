import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { computeMetrics, distinctN, type EvalReport } from '@shared/eval'
import { TINY_MODEL_PATH } from '../fixtures/paths'
import { startServeWithModel, type RunningServe } from './remote/support/quireServe'

const CLI = fileURLToPath(new URL('../../out/main/cli.js', import.meta.url))
const DIR = mkdtempSync(join(tmpdir(), 'quire-eval-'))
const SUITE = join(DIR, 'suite.json')
// English cases here; the bundled Chinese ones run in their own test below.
writeFileSync(
  SUITE,
  JSON.stringify({
    name: 'tiny',
    cases: [
      {
        id: 'park',
        language: 'en',
        prompt: 'rewrite.lyrical',
        selection: 'On a spring afternoon I walked alone in the city park.',
        checks: { maxChars: 400, person: 'first', senses: ['sound', 'smell'] },
      },
      { id: 'haiku', language: 'en', prompt: 'poem.short-form', selection: 'Frost on the grass.' },
    ],
    configurations: { hot: { preset: 'creative', sampling: { temperature: 1.2 } } },
  }),
)

let serve: RunningServe | null = null
afterAll(() => serve?.stop())

/** Runs the built `quire eval` and resolves with its report; `out` receives report.html too. */
function quireEval(
  args: string[],
  env: Record<string, string> = {},
  out = mkdtempSync(join(DIR, 'out-')),
): Promise<EvalReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [CLI, 'eval', '--suite', SUITE, '--out', out, '--max-tokens', '40', '--lang', 'en', ...args],
      {
        env: { ...process.env, QUIRE_DATA_DIR: join(DIR, 'data'), ...env },
      },
    )
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`quire eval exited with ${code}:\n${output}`))
      const html = readFileSync(join(out, 'report.html'), 'utf8')
      // Readable offline: charts inline, nothing fetched.
      expect(html).toContain('<svg')
      expect(html).not.toMatch(/<(script|link|img)\b|src=|url\(/)
      resolve(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as EvalReport)
    })
  })
}

/** Recomputes the report's numbers from its samples, partly by hand, partly with the shared metrics. */
function expectNumbersFromSamples(report: EvalReport): void {
  const names = report.configurations.map((c) => c.name)
  expect(report.metrics).toEqual(computeMetrics(names, report.cases, report.samples))
  for (const name of names) {
    const own = report.samples.filter((s) => s.configuration === name && s.error === null)
    const metrics = report.metrics[name]!
    const perCase = report.cases.map((c) =>
      distinctN(
        own.filter((s) => s.caseId === c.id).map((s) => s.text),
        1,
      ),
    )
    expect(metrics.distinct1).toBeCloseTo(perCase.reduce((a, b) => a + b, 0) / perCase.length, 4)
    const stops: Record<string, number> = {}
    for (const s of own) stops[s.stats!.stopReason] = (stops[s.stats!.stopReason] ?? 0) + 1
    expect(metrics.stopReasons).toEqual(stops)
    const tps = own.reduce((sum, s) => sum + s.stats!.tokensPerSecond, 0) / own.length
    expect(metrics.meanTokensPerSecond).toBeCloseTo(tps, 1)
  }
}

describe('quire eval (the built CLI)', () => {
  it('runs a suite on the tiny model under two configurations and writes a report its samples reproduce', async () => {
    const report = await quireEval([
      '--model',
      TINY_MODEL_PATH,
      '--threads',
      '1',
      '--samples',
      '2',
      '--seed',
      '40',
      '--configs',
      'prompt,hot',
    ])
    expect(report.run).toMatchObject({
      seed: 40,
      samples: 2,
      maxTokens: 40,
      model: {
        name: 'Quire tiny test model',
        quantisation: 'F32',
        path: TINY_MODEL_PATH,
        url: null,
      },
    })
    expect(report.samples).toHaveLength(2 * 2 * 2)
    for (const sample of report.samples) {
      expect(sample.error).toBeNull()
      expect(sample.seed).toBe(40 + sample.index)
      expect(sample.fingerprint).toMatch(/^[0-9a-f]{16}$/)
      expect(sample.messages.at(-1)?.content).toContain(
        report.cases.find((c) => c.id === sample.caseId)!.selection,
      )
    }
    // The configuration that raised the temperature ran with it, under another fingerprint.
    const park = (name: string) =>
      report.samples.find((s) => s.configuration === name && s.caseId === 'park')!
    expect(park('hot').resolved?.sampling.temperature).toBe(1.2)
    expect(park('hot').fingerprint).not.toBe(park('prompt').fingerprint)
    // The case's checks are merged with the prompt's (rewrite.lyrical: at most 200 words, English).
    expect(report.cases[0]!.checks).toMatchObject({ maxChars: 400, maxWords: 200, language: 'en' })
    expect(Object.keys(report.metrics.prompt!.compliance)).toEqual(
      expect.arrayContaining(['maxChars', 'maxWords', 'language', 'person', 'senses']),
    )
    expectNumbersFromSamples(report)
  })

  it('sends the work to a second quire serve with --remote and reports the same kind of numbers', async () => {
    serve = await startServeWithModel()
    const report = await quireEval(
      ['--remote', `${serve.base}/v1`, '--samples', '2', '--seed', '3', '--concurrency', '2'],
      { QUIRE_REMOTE_API_KEY: serve.token, QUIRE_REMOTE_BASE_URL: serve.base },
    )
    expect(report.run.model).toMatchObject({
      backend: 'remote',
      url: `${serve.base}/v1`,
      quantisation: null,
    })
    expect(report.configurations).toMatchObject([
      { name: 'hot', overrides: { preset: 'creative', sampling: { temperature: 1.2 } } },
    ])
    expect(report.samples.every((s) => s.error === null && s.resolved?.backend === 'remote')).toBe(
      true,
    )
    expectNumbersFromSamples(report)
  })

  it('runs the bundled Chinese cases on the tiny model, whole, and writes report.html in Chinese', async () => {
    // The tiny model spells Chinese byte by byte (3 tokens a character) in a 2048-token context:
    // the bundled zh prompts and persona are 1,500–1,960 tokens there, so answers get 40.
    const bundled = JSON.parse(
      readFileSync(
        fileURLToPath(new URL('../../resources/eval/subjective.json', import.meta.url)),
        'utf8',
      ),
    ) as { cases: { id: string; language: string }[] }
    const zhSuite = join(DIR, 'zh.json')
    writeFileSync(
      zhSuite,
      JSON.stringify({ ...bundled, cases: bundled.cases.filter((c) => c.language === 'zh') }),
    )
    const out = mkdtempSync(join(DIR, 'out-zh-'))
    // --suite and --lang given last win over quireEval's own.
    const report = await quireEval(
      [
        '--model',
        TINY_MODEL_PATH,
        '--threads',
        '1',
        '--samples',
        '1',
        '--seed',
        '5',
        '--suite',
        zhSuite,
        '--lang',
        'zh',
      ],
      {},
      out,
    )
    expect(report.cases.map((c) => c.language)).toEqual(Array(5).fill('zh'))
    expect(report.run.model.contextSize).toBe(2048)
    for (const sample of report.samples) {
      const reportCase = report.cases.find((c) => c.id === sample.caseId)!
      expect([sample.caseId, sample.error]).toEqual([sample.caseId, null])
      // Nothing of the case was shortened to fit: its text before the selection is all there.
      expect(sample.trimmedBefore).toBeUndefined()
      const user = sample.messages.at(-1)?.content ?? ''
      expect(user).toContain(reportCase.selection)
      // (Only continuations put the text before the selection into their message.)
      if (reportCase.kind === 'continue') expect(user).toContain(reportCase.before)
      expect(sample.messages[0]).toMatchObject({ role: 'system' })
    }
    const html = readFileSync(join(out, 'report.html'), 'utf8')
    expect(html).toContain('<html lang="zh-CN">')
    expect(html).toContain('<h2>各配置对比</h2>')
    expect(html).toContain('上下文</dt><dd>每个序列 2,048 个 token')
    expect(html).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/)
    // report.json stays English whatever the language of the page.
    expect(Object.keys(report.run)).toContain('maxTokens')
  })
})
