import { describe, expect, it } from 'vitest'
import { computeMetrics, type EvalReport, type ReportCase, type ReportSample } from '@shared/eval'
import { renderReportHtml } from '@core/eval/reportHtml'
import { reportStrings } from '@core/eval/reportStrings'
import { sampleError } from '@core/eval/runEval'

const cases: ReportCase[] = [
  {
    id: 'park-zh',
    language: 'zh',
    prompt: 'rewrite.lyrical',
    kind: 'rewrite',
    selection: '春天的下午，我一个人去了城市公园。',
    before: '',
    variables: {},
    checks: { maxChars: 200, language: 'zh' },
  },
]
const stats = {
  promptTokens: 1700,
  reusedTokens: 0,
  evaluatedTokens: 1700,
  generatedTokens: 1234,
  timeToFirstTokenMs: 2500,
  tokensPerSecond: 1234.5,
  totalMs: 3000,
  stopReason: 'max-tokens' as const,
}
const base = {
  configuration: 'prompt',
  caseId: 'park-zh',
  fingerprint: '0123456789abcdef',
  resolved: null,
  messages: [],
  raw: '',
}
const samples: ReportSample[] = [
  {
    ...base,
    index: 0,
    seed: 7,
    text: '湖边的风筝飞得很高，我听见孩子的笑声。',
    stats,
    error: null,
  },
  {
    ...base,
    index: 1,
    seed: 8,
    text: '柳絮落在长椅上，空气里有花香。',
    stats,
    error: null,
    trimmedBefore: true,
  },
  {
    ...base,
    index: 2,
    seed: 9,
    text: '',
    stats: null,
    error: sampleError('park-zh', {
      ok: false,
      started: null,
      code: 'context-overflow',
      message: 'The selection is about 30 tokens; … Select less text …',
      params: { selectionTokens: 30, answerRoom: 384, needed: 2084, contextSize: 2048 },
    }),
  },
]
const report: EvalReport = {
  format: 'quire-eval-report',
  version: 1,
  createdAt: '2026-12-03T12:00:00.000Z',
  quireVersion: '0.1.0',
  suite: { name: 'subjective', description: '', file: 'subjective.json' },
  run: {
    model: {
      name: 'Quire tiny test model',
      path: '/m.gguf',
      quantisation: null,
      backend: 'cpu',
      architecture: 'qwen3',
      url: null,
      contextSize: 32768,
    },
    seed: 7,
    samples: 3,
    concurrency: 2,
    maxTokens: null,
    wallMs: 12_345,
  },
  configurations: [{ name: 'prompt', overrides: {} }],
  cases,
  samples,
  metrics: computeMetrics(['prompt'], cases, samples),
}

const text = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ')

describe('report.html in the language asked for', () => {
  const zh = renderReportHtml(report, 'zh')
  const en = renderReportHtml(report, 'en')

  it('labels everything in Chinese, with no English label left over', () => {
    expect(zh).toContain('<html lang="zh-CN">')
    const page = text(zh)
    for (const label of [
      '平均得分',
      '各项检查的达成情况',
      '停止原因',
      '达到 token 上限',
      '字数上限',
      '未提供',
      '中文',
    ])
      expect(page).toContain(label)
    const englishLabels = [
      reportStrings.en.perConfiguration,
      reportStrings.en.metrics.meanScore.title,
      reportStrings.en.checks.maxChars,
      reportStrings.en.stopReasons['max-tokens'],
      reportStrings.en.notReported,
      reportStrings.en.samplesTitle,
    ]
    for (const label of englishLabels) expect(page).not.toContain(label)
  })

  it('writes numbers and dates as the locale does', () => {
    // Grouped thousands and the locale's own date.
    expect(text(zh)).toContain('1,234.5')
    expect(text(zh)).toContain('每个序列 32,768 个 token')
    expect(text(zh)).toMatch(/2026年12月3日/)
    expect(text(en)).toContain('32,768 tokens per sequence')
    expect(text(en)).toMatch(/December 3, 2026/)
    expect(text(zh)).toContain('12.3 秒')
  })

  it('says in the report’s language when a case did not fit the context, or its text was shortened', () => {
    expect(text(zh)).toContain('这个用例放不进模型 2,048 个 token 的上下文：它需要 2,084 个。')
    expect(text(en)).toContain('does not fit the model’s context of 2,048 tokens: it needs 2,084')
    expect(text(zh)).toContain('选区前的文字被截短了')
  })
})

describe('a case too long for the context, in report.json', () => {
  it('names the case and the numbers, and says how to make it fit instead of selecting less', () => {
    const error = samples[2]!.error!
    expect(error).toMatchObject({ code: 'context-overflow', needed: 2084, contextSize: 2048 })
    expect(error.message).toBe(
      'The case "park-zh" does not fit the model\'s context of 2048 tokens: it needs 2084 (its prompt and room for the answer). Nothing was shortened; give a smaller --max-tokens or use a model with a longer context.',
    )
  })

  it('keeps other errors as the engine said them', () => {
    expect(
      sampleError('x', { ok: false, started: null, code: 'generation-failed', message: 'Boom.' }),
    ).toEqual({ code: 'generation-failed', message: 'Boom.' })
  })
})
