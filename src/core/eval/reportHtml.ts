import type { ConfigurationMetrics, EvalReport, ReportSample } from '@shared/eval'
import { fill, reportStrings, type ReportLanguage, type ReportStrings } from './reportStrings'

const escape = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (char) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  )

const COLOURS = ['#3b6ea5', '#c0713a', '#4a8f5c', '#8a5aa8', '#a54a5a', '#5a8fa5']

/** The labels of one language and its number formats. */
type Words = ReportStrings & {
  number(value: number, places: number): string
  percent(value: number): string
}

function wordsFor(language: ReportLanguage): Words {
  const strings = reportStrings[language]
  const percent = new Intl.NumberFormat(strings.locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  })
  return {
    ...strings,
    number: (value, places) =>
      new Intl.NumberFormat(strings.locale, {
        minimumFractionDigits: places,
        maximumFractionDigits: places,
      }).format(value),
    percent: (value) => percent.format(value),
  }
}

type Metric = {
  key: keyof ReportStrings['metrics']
  value: (m: ConfigurationMetrics) => number | null
  format: (value: number, words: Words) => string
  /** The bar's full length: 1 for shares, else the largest value. */
  scale?: number
}

const percent = (value: number, words: Words) => words.percent(value)
const fixed = (places: number) => (value: number, words: Words) => words.number(value, places)

const METRICS: Metric[] = [
  { key: 'meanScore', value: (m) => m.meanScore, format: fixed(3), scale: 1 },
  { key: 'compliance', value: (m) => m.complianceRate, format: percent, scale: 1 },
  { key: 'distinct1', value: (m) => m.distinct1, format: fixed(3), scale: 1 },
  { key: 'distinct2', value: (m) => m.distinct2, format: fixed(3), scale: 1 },
  { key: 'repeated', value: (m) => m.repeatedTrigramShare, format: percent, scale: 1 },
  { key: 'stockPhrases', value: (m) => m.meanStockPhrases, format: fixed(2) },
  { key: 'tokensPerSecond', value: (m) => m.meanTokensPerSecond, format: fixed(1) },
  {
    key: 'firstToken',
    value: (m) => m.meanTimeToFirstTokenMs,
    format: (v, words) => fill(words.milliseconds, { value: words.number(v, 0) }),
  },
]

/** One horizontal bar chart: a bar per configuration. */
function barChart(
  metric: Metric,
  names: readonly string[],
  metrics: EvalReport['metrics'],
  words: Words,
): string {
  const { title, hint } = words.metrics[metric.key]
  const values = names.map((name) => {
    const m = metrics[name]
    return m ? metric.value(m) : null
  })
  const scale = metric.scale ?? Math.max(1e-9, ...values.map((v) => v ?? 0))
  const rowHeight = 26
  const labelWidth = 150
  const barWidth = 260
  const rows = names
    .map((name, i) => {
      const value = values[i] ?? null
      const width = value === null ? 0 : Math.max(1, (value / scale) * barWidth)
      const y = i * rowHeight
      return `<text x="0" y="${y + 17}" class="label">${escape(name)}</text>
<rect x="${labelWidth}" y="${y + 4}" width="${width.toFixed(1)}" height="18" rx="3" fill="${COLOURS[i % COLOURS.length]}"/>
<text x="${labelWidth + width + 6}" y="${y + 17}" class="value">${value === null ? '—' : escape(metric.format(value, words))}</text>`
    })
    .join('\n')
  const height = names.length * rowHeight + 4
  return `<figure class="chart"><figcaption><b>${escape(title)}</b> <span>${escape(hint)}</span></figcaption>
<svg role="img" aria-label="${escape(title)}" width="${labelWidth + barWidth + 90}" height="${height}" viewBox="0 0 ${labelWidth + barWidth + 90} ${height}">${rows}</svg></figure>`
}

function complianceTable(report: EvalReport, names: readonly string[], words: Words): string {
  const checks = [
    ...new Set(names.flatMap((name) => Object.keys(report.metrics[name]?.compliance ?? {}))),
  ]
  if (checks.length === 0) return `<p>${escape(words.noChecks)}</p>`
  const cell = (name: string, check: string) => {
    const entry =
      report.metrics[name]?.compliance[check as keyof ConfigurationMetrics['compliance']]
    if (!entry) return '<td>—</td>'
    const share = entry.total === 0 ? 0 : entry.passed / entry.total
    return `<td><div class="meter"><i style="width:${(share * 100).toFixed(0)}%"></i></div>${entry.passed}/${entry.total}</td>`
  }
  const label = (check: string) =>
    `${escape(words.checks[check as keyof ReportStrings['checks']] ?? check)} <code>${escape(check)}</code>`
  return `<table><thead><tr><th>${escape(words.check)}</th>${names.map((n) => `<th>${escape(n)}</th>`).join('')}</tr></thead><tbody>
${checks.map((check) => `<tr><th>${label(check)}</th>${names.map((name) => cell(name, check)).join('')}</tr>`).join('\n')}
</tbody></table>`
}

function stopReasonTable(report: EvalReport, names: readonly string[], words: Words): string {
  const reasons = [
    ...new Set(names.flatMap((name) => Object.keys(report.metrics[name]?.stopReasons ?? {}))),
  ]
  const label = (reason: string) =>
    escape(words.stopReasons[reason as keyof ReportStrings['stopReasons']] ?? reason)
  return `<table><thead><tr><th>${escape(words.configuration)}</th>${reasons.map((r) => `<th>${label(r)}</th>`).join('')}<th>${escape(words.errors)}</th></tr></thead><tbody>
${names
  .map((name) => {
    const m = report.metrics[name]
    const counts = reasons.map(
      (r) => `<td>${m?.stopReasons[r as keyof ConfigurationMetrics['stopReasons']] ?? 0}</td>`,
    )
    return `<tr><th>${escape(name)}</th>${counts.join('')}<td>${m?.errors ?? 0}</td></tr>`
  })
  .join('\n')}
</tbody></table>`
}

/** A failed sample in words: a context too small is said in the report's language. */
function sampleError(error: NonNullable<ReportSample['error']>, words: Words): string {
  if (error.code === 'context-overflow' && error.needed && error.contextSize)
    return fill(words.contextTooSmall, {
      needed: words.number(error.needed, 0),
      contextSize: words.number(error.contextSize, 0),
    })
  return `${error.code}: ${error.message}`
}

function samplesSection(report: EvalReport, words: Words): string {
  return report.cases
    .map((c) => {
      const rows = report.samples
        .filter((s) => s.caseId === c.id)
        .map((s) => {
          const note = s.trimmedBefore ? `<p class="note">${escape(words.beforeShortened)}</p>` : ''
          const body = s.error
            ? `<em>${escape(sampleError(s.error, words))}</em>`
            : `${escape(s.text)}${note}`
          const stats = s.stats
            ? fill(words.sampleStats, {
                tokens: words.number(s.stats.generatedTokens, 0),
                stop: words.stopReasons[s.stats.stopReason],
              })
            : ''
          return `<tr><td>${escape(s.configuration)}</td><td>${s.seed}</td><td><code>${escape(s.fingerprint ?? '—')}</code></td><td class="text">${body}</td><td>${escape(stats)}</td></tr>`
        })
        .join('\n')
      return `<details><summary><b>${escape(c.id)}</b> — ${escape(c.prompt)} (${escape(words.languages[c.language])})</summary>
<p class="input">${escape(c.selection)}</p>
<table class="samples"><thead><tr><th>${escape(words.configuration)}</th><th>${escape(words.seed)}</th><th>${escape(words.fingerprint)}</th><th>${escape(words.answer)}</th><th>${escape(words.stats)}</th></tr></thead><tbody>${rows}</tbody></table></details>`
    })
    .join('\n')
}

/** The run's facts: what ran, on what, with which seeds, so it can be repeated. */
function facts(report: EvalReport, words: Words): [string, string][] {
  const { model, seed, samples, wallMs } = report.run
  const contextSize = model.contextSize
  const date = new Intl.DateTimeFormat(words.locale, {
    dateStyle: 'long',
    timeStyle: 'long',
  }).format(new Date(report.createdAt))
  return [
    [
      words.facts.suite,
      fill(words.suiteValue, { name: report.suite.name, count: report.cases.length }),
    ],
    [words.facts.model, model.name],
    [words.facts.quantisation, model.quantisation ?? words.notReported],
    [words.facts.backend, model.url ? `${model.backend} · ${model.url}` : model.backend],
    ...(contextSize
      ? [
          [
            words.facts.context,
            fill(words.contextValue, { tokens: words.number(contextSize, 0) }),
          ] as [string, string],
        ]
      : []),
    [
      words.facts.seeds,
      fill(words.seedsValue, { first: seed, last: seed + samples - 1, count: samples }),
    ],
    [
      words.facts.run,
      fill(words.runValue, {
        date,
        seconds: words.number(wallMs / 1000, 1),
        version: report.quireVersion,
      }),
    ],
  ]
}

/** `report.html` in `language`: the report's metrics as charts and tables, one file with no outside assets. */
export function renderReportHtml(report: EvalReport, language: ReportLanguage = 'en'): string {
  const words = wordsFor(language)
  const names = report.configurations.map((c) => c.name)
  const title = fill(words.title, { suite: report.suite.name })
  return `<!doctype html>
<html lang="${words.htmlLang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escape(title)}</title>
<style>
body{font:14px/1.5 system-ui,"Noto Sans CJK SC",sans-serif;margin:24px auto;max-width:1000px;padding:0 16px;color:#222}
h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ddd}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px}dt{color:#666}
.charts{display:flex;flex-wrap:wrap;gap:8px 24px}.chart{margin:8px 0}.chart span{color:#777;font-size:12px}
svg .label{font-size:12px;fill:#333}svg .value{font-size:12px;fill:#222}
table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
th code{color:#888;font-weight:normal}
.meter{display:inline-block;width:60px;height:8px;background:#eee;margin-right:6px;border-radius:4px;overflow:hidden}.meter i{display:block;height:100%;background:#4a8f5c}
.samples th{white-space:nowrap}.samples .text{white-space:pre-wrap;max-width:520px}.input{color:#555;white-space:pre-wrap}.note{color:#a54a1a;font-size:12px;margin:4px 0 0}
details{margin:6px 0}code{font-size:12px}
</style></head><body>
<h1>${escape(title)}</h1>
<dl>${facts(report, words)
    .map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(v)}</dd>`)
    .join('')}</dl>
<h2>${escape(words.perConfiguration)}</h2>
<div class="charts">${METRICS.map((metric) => barChart(metric, names, report.metrics, words)).join('\n')}</div>
<h2>${escape(words.complianceTitle)}</h2>
${complianceTable(report, names, words)}
<h2>${escape(words.stopReasonsTitle)}</h2>
${stopReasonTable(report, names, words)}
<h2>${escape(words.samplesTitle)}</h2>
<p>${escape(words.samplesIntro)}</p>
${samplesSection(report, words)}
</body></html>
`
}
