import type { StopReason } from '@shared/contract'
import type { CheckName } from '@shared/prompts/checks'

/** The languages `report.html` is written in. */
export const reportLanguages = ['en', 'zh'] as const
export type ReportLanguage = (typeof reportLanguages)[number]

/**
 * Every label of `report.html`. `{name}` is filled in by `fill`. The type makes a language
 * that lacks a label a compile error; a unit test checks the placeholders match.
 */
export type ReportStrings = {
  htmlLang: string
  /** The locale numbers and dates are written in. */
  locale: string
  title: string
  facts: Record<
    'suite' | 'model' | 'quantisation' | 'backend' | 'context' | 'seeds' | 'run',
    string
  >
  suiteValue: string
  notReported: string
  contextValue: string
  seedsValue: string
  runValue: string
  perConfiguration: string
  metrics: Record<
    | 'meanScore'
    | 'compliance'
    | 'distinct1'
    | 'distinct2'
    | 'repeated'
    | 'stockPhrases'
    | 'tokensPerSecond'
    | 'firstToken',
    { title: string; hint: string }
  >
  milliseconds: string
  complianceTitle: string
  noChecks: string
  check: string
  checks: Record<CheckName, string>
  stopReasonsTitle: string
  configuration: string
  errors: string
  stopReasons: Record<StopReason, string>
  samplesTitle: string
  samplesIntro: string
  seed: string
  fingerprint: string
  answer: string
  stats: string
  sampleStats: string
  beforeShortened: string
  contextTooSmall: string
  languages: Record<'zh' | 'en', string>
}

const en: ReportStrings = {
  htmlLang: 'en',
  locale: 'en-US',
  title: 'Quire eval — {suite}',
  facts: {
    suite: 'Suite',
    model: 'Model',
    quantisation: 'Quantisation',
    backend: 'Backend',
    context: 'Context',
    seeds: 'Seeds',
    run: 'Run',
  },
  suiteValue: '{name} ({count} cases)',
  notReported: 'not reported',
  contextValue: '{tokens} tokens per sequence',
  seedsValue: '{first} … {last} ({count} per case)',
  runValue: '{date} · {seconds} s · Quire {version}',
  perConfiguration: 'Per configuration',
  metrics: {
    meanScore: { title: 'Mean score', hint: 'higher is better (0–1)' },
    compliance: { title: 'Constraint compliance', hint: 'share of checks that held' },
    distinct1: { title: 'distinct-1', hint: 'across samples of a case; higher is more varied' },
    distinct2: { title: 'distinct-2', hint: 'across samples of a case' },
    repeated: { title: 'Repeated 3-grams', hint: 'inside an answer; lower is better' },
    stockPhrases: { title: 'Stock phrases', hint: 'per answer; lower is better' },
    tokensPerSecond: { title: 'Tokens per second', hint: 'mean' },
    firstToken: { title: 'Time to first token', hint: 'mean, ms' },
  },
  milliseconds: '{value} ms',
  complianceTitle: 'Constraint compliance per check',
  noChecks: 'No case states a check.',
  check: 'Check',
  checks: {
    maxChars: 'Characters, at most',
    minChars: 'Characters, at least',
    maxWords: 'Words, at most',
    minWords: 'Words, at least',
    maxLines: 'Lines, at most',
    minLines: 'Lines, at least',
    maxLengthRatio: 'Length against the input, at most',
    minLengthRatio: 'Length against the input, at least',
    language: 'Language',
    avoid: 'Words to avoid',
    minSenses: 'Number of senses',
    senses: 'Senses named',
    person: 'Grammatical person',
  },
  stopReasonsTitle: 'Stop reasons',
  configuration: 'Configuration',
  errors: 'errors',
  stopReasons: {
    eos: 'finished',
    'max-tokens': 'token budget',
    abort: 'stopped',
    deadline: 'out of time',
    'stop-trigger': 'stop word',
    budget: 'length reached',
  },
  samplesTitle: 'Samples',
  samplesIntro:
    "Every sample's text, seed and configuration fingerprint; report.json holds them with their stats and messages.",
  seed: 'Seed',
  fingerprint: 'Fingerprint',
  answer: 'Answer',
  stats: 'Stats',
  sampleStats: '{tokens} tokens · {stop}',
  beforeShortened:
    'The text before the selection was shortened to fit the model’s context; see the messages in report.json.',
  contextTooSmall:
    'This case does not fit the model’s context of {contextSize} tokens: it needs {needed}. Nothing was shortened; give a smaller --max-tokens or use a model with a longer context.',
  languages: { zh: 'Chinese', en: 'English' },
}

const zh: ReportStrings = {
  htmlLang: 'zh-CN',
  locale: 'zh-CN',
  title: 'Quire 评测 — {suite}',
  facts: {
    suite: '用例集',
    model: '模型',
    quantisation: '量化',
    backend: '后端',
    context: '上下文',
    seeds: '随机种子',
    run: '运行',
  },
  suiteValue: '{name}（{count} 个用例）',
  notReported: '未提供',
  contextValue: '每个序列 {tokens} 个 token',
  seedsValue: '{first} … {last}（每个用例 {count} 个）',
  runValue: '{date} · {seconds} 秒 · Quire {version}',
  perConfiguration: '各配置对比',
  metrics: {
    meanScore: { title: '平均得分', hint: '越高越好（0–1）' },
    compliance: { title: '约束达成率', hint: '通过的检查所占比例' },
    distinct1: { title: 'distinct-1（用词多样性）', hint: '同一用例的各次采样之间；越高越多样' },
    distinct2: { title: 'distinct-2（搭配多样性）', hint: '同一用例的各次采样之间' },
    repeated: { title: '重复的三元组', hint: '单个回答之内；越低越好' },
    stockPhrases: { title: '套话', hint: '每个回答平均；越低越好' },
    tokensPerSecond: { title: '每秒 token 数', hint: '平均值' },
    firstToken: { title: '首个 token 用时', hint: '平均值，毫秒' },
  },
  milliseconds: '{value} 毫秒',
  complianceTitle: '各项检查的达成情况',
  noChecks: '没有用例写明可检查的约束。',
  check: '检查',
  checks: {
    maxChars: '字数上限',
    minChars: '字数下限',
    maxWords: '词数上限',
    minWords: '词数下限',
    maxLines: '行数上限',
    minLines: '行数下限',
    maxLengthRatio: '相对原文的篇幅上限',
    minLengthRatio: '相对原文的篇幅下限',
    language: '语言',
    avoid: '避用词',
    minSenses: '感官数量',
    senses: '指定的感官',
    person: '人称',
  },
  stopReasonsTitle: '停止原因',
  configuration: '配置',
  errors: '出错',
  stopReasons: {
    eos: '自然结束',
    'max-tokens': '达到 token 上限',
    abort: '被停止',
    deadline: '超时',
    'stop-trigger': '遇到停止词',
    budget: '达到篇幅',
  },
  samplesTitle: '采样结果',
  samplesIntro:
    '每次采样的正文、随机种子和配置指纹；report.json 里还有它们的统计数据和发送的消息。',
  seed: '种子',
  fingerprint: '指纹',
  answer: '回答',
  stats: '统计',
  sampleStats: '{tokens} 个 token · {stop}',
  beforeShortened: '为放进模型的上下文，选区前的文字被截短了；发送的消息见 report.json。',
  contextTooSmall:
    '这个用例放不进模型 {contextSize} 个 token 的上下文：它需要 {needed} 个。没有截短任何文字；请调小 --max-tokens，或换一个上下文更长的模型。',
  languages: { zh: '中文', en: '英文' },
}

/** The labels of `report.html` in each language. */
export const reportStrings: Record<ReportLanguage, ReportStrings> = { en, zh }

/** A label with its `{name}` placeholders filled in. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  )
}
