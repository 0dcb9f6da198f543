import type { ConfigurationMetrics, EvalReport } from '@shared/eval'

const escape = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (char) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  )

const COLOURS = ['#3b6ea5', '#c0713a', '#4a8f5c', '#8a5aa8', '#a54a5a', '#5a8fa5']

type Metric = {
  title: string
  hint: string
  value: (m: ConfigurationMetrics) => number | null
  format: (value: number) => string
  /** The bar's full length: 1 for shares, else the largest value. */
  scale?: number
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`
const fixed = (places: number) => (value: number) => value.toFixed(places)

const METRICS: Metric[] = [
  {
    title: 'Mean score',
    hint: 'higher is better (0–1)',
    value: (m) => m.meanScore,
    format: fixed(3),
    scale: 1,
  },
  {
    title: 'Constraint compliance',
    hint: 'share of checks that held',
    value: (m) => m.complianceRate,
    format: percent,
    scale: 1,
  },
  {
    title: 'distinct-1',
    hint: 'across samples of a case; higher is more varied',
    value: (m) => m.distinct1,
    format: fixed(3),
    scale: 1,
  },
  {
    title: 'distinct-2',
    hint: 'across samples of a case',
    value: (m) => m.distinct2,
    format: fixed(3),
    scale: 1,
  },
  {
    title: 'Repeated 3-grams',
    hint: 'inside an answer; lower is better',
    value: (m) => m.repeatedTrigramShare,
    format: percent,
    scale: 1,
  },
  {
    title: 'Stock phrases',
    hint: 'per answer; lower is better',
    value: (m) => m.meanStockPhrases,
    format: fixed(2),
  },
  {
    title: 'Tokens per second',
    hint: 'mean',
    value: (m) => m.meanTokensPerSecond,
    format: fixed(1),
  },
  {
    title: 'Time to first token',
    hint: 'mean, ms',
    value: (m) => m.meanTimeToFirstTokenMs,
    format: (v) => `${v.toFixed(0)} ms`,
  },
]

/** One horizontal bar chart: a bar per configuration. */
function barChart(
  metric: Metric,
  names: readonly string[],
  metrics: EvalReport['metrics'],
): string {
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
<text x="${labelWidth + width + 6}" y="${y + 17}" class="value">${value === null ? '—' : escape(metric.format(value))}</text>`
    })
    .join('\n')
  const height = names.length * rowHeight + 4
  return `<figure class="chart"><figcaption><b>${escape(metric.title)}</b> <span>${escape(metric.hint)}</span></figcaption>
<svg role="img" aria-label="${escape(metric.title)}" width="${labelWidth + barWidth + 90}" height="${height}" viewBox="0 0 ${labelWidth + barWidth + 90} ${height}">${rows}</svg></figure>`
}

function complianceTable(report: EvalReport, names: readonly string[]): string {
  const checks = [
    ...new Set(names.flatMap((name) => Object.keys(report.metrics[name]?.compliance ?? {}))),
  ]
  if (checks.length === 0) return '<p>No case states a check.</p>'
  const cell = (name: string, check: string) => {
    const entry =
      report.metrics[name]?.compliance[check as keyof ConfigurationMetrics['compliance']]
    if (!entry) return '<td>—</td>'
    const share = entry.total === 0 ? 0 : entry.passed / entry.total
    return `<td><div class="meter"><i style="width:${(share * 100).toFixed(0)}%"></i></div>${entry.passed}/${entry.total}</td>`
  }
  return `<table><thead><tr><th>Check</th>${names.map((n) => `<th>${escape(n)}</th>`).join('')}</tr></thead><tbody>
${checks.map((check) => `<tr><th>${escape(check)}</th>${names.map((name) => cell(name, check)).join('')}</tr>`).join('\n')}
</tbody></table>`
}

function stopReasonTable(report: EvalReport, names: readonly string[]): string {
  const reasons = [
    ...new Set(names.flatMap((name) => Object.keys(report.metrics[name]?.stopReasons ?? {}))),
  ]
  return `<table><thead><tr><th>Configuration</th>${reasons.map((r) => `<th>${escape(r)}</th>`).join('')}<th>errors</th></tr></thead><tbody>
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

function samplesSection(report: EvalReport): string {
  return report.cases
    .map((c) => {
      const rows = report.samples
        .filter((s) => s.caseId === c.id)
        .map((s) => {
          const body = s.error
            ? `<em>${escape(s.error.code)}: ${escape(s.error.message)}</em>`
            : escape(s.text)
          const stats = s.stats ? `${s.stats.generatedTokens} tokens · ${s.stats.stopReason}` : ''
          return `<tr><td>${escape(s.configuration)}</td><td>${s.seed}</td><td><code>${escape(s.fingerprint ?? '—')}</code></td><td class="text">${body}</td><td>${escape(stats)}</td></tr>`
        })
        .join('\n')
      return `<details><summary><b>${escape(c.id)}</b> — ${escape(c.prompt)} (${c.language})</summary>
<p class="input">${escape(c.selection)}</p>
<table class="samples"><thead><tr><th>Configuration</th><th>Seed</th><th>Fingerprint</th><th>Answer</th><th>Stats</th></tr></thead><tbody>${rows}</tbody></table></details>`
    })
    .join('\n')
}

/** `report.html`: the report's metrics as charts and tables, one file with no outside assets. */
export function renderReportHtml(report: EvalReport): string {
  const names = report.configurations.map((c) => c.name)
  const model = report.run.model
  const facts = [
    ['Suite', `${report.suite.name} (${report.cases.length} cases)`],
    ['Model', model.name],
    ['Quantisation', model.quantisation ?? 'not reported'],
    ['Backend', model.url ? `${model.backend} · ${model.url}` : model.backend],
    [
      'Seeds',
      `${report.run.seed} … ${report.run.seed + report.run.samples - 1} (${report.run.samples} per case)`,
    ],
    [
      'Run',
      `${report.createdAt} · ${(report.run.wallMs / 1000).toFixed(1)} s · Quire ${report.quireVersion}`,
    ],
  ]
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Quire eval — ${escape(report.suite.name)}</title>
<style>
body{font:14px/1.5 system-ui,"Noto Sans CJK SC",sans-serif;margin:24px auto;max-width:1000px;padding:0 16px;color:#222}
h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ddd}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px}dt{color:#666}
.charts{display:flex;flex-wrap:wrap;gap:8px 24px}.chart{margin:8px 0}.chart span{color:#777;font-size:12px}
svg .label{font-size:12px;fill:#333}svg .value{font-size:12px;fill:#222}
table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
.meter{display:inline-block;width:60px;height:8px;background:#eee;margin-right:6px;border-radius:4px;overflow:hidden}.meter i{display:block;height:100%;background:#4a8f5c}
.samples .text{white-space:pre-wrap;max-width:520px}.input{color:#555;white-space:pre-wrap}
details{margin:6px 0}code{font-size:12px}
</style></head><body>
<h1>Quire eval — ${escape(report.suite.name)}</h1>
<dl>${facts.map(([k, v]) => `<dt>${escape(k ?? '')}</dt><dd>${escape(v ?? '')}</dd>`).join('')}</dl>
<h2>Per configuration</h2>
<div class="charts">${METRICS.map((metric) => barChart(metric, names, report.metrics)).join('\n')}</div>
<h2>Constraint compliance per check</h2>
${complianceTable(report, names)}
<h2>Stop reasons</h2>
${stopReasonTable(report, names)}
<h2>Samples</h2>
<p>Every sample's text, seed and configuration fingerprint; report.json holds them with their stats and messages.</p>
${samplesSection(report)}
</body></html>
`
}
