// The rules of the Electron checklist gate, apart from running the tool: read electronegativity's
// CSV report, find the inline suppressions in the sources, and decide what fails.
// A HIGH or MEDIUM finding fails unless the line it names (or, for a finding about the whole
// app, any source file) carries `eng-disable CHECK_ID -- why`. A suppression without a written
// reason fails too, even though electronegativity itself already honours it.

/** One row of electronegativity's CSV report. */
export interface Finding {
  check: string
  severity: string
  confidence: string
  /** Relative to the scanned folder; 'N/A' for a finding about the whole app. */
  file: string
  line: number
  sample: string
  description: string
}

/** One `eng-disable` comment in the sources. */
export interface Suppression {
  checks: string[]
  file: string
  line: number
  reason: string
}

/** Splits CSV text into rows of fields (RFC 4180: quoted fields, "" for a quote). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(field)
      field = ''
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += char
  }
  if (field !== '' || row.length > 0) rows.push([...row, field])
  return rows
}

/** The findings in an electronegativity CSV report (header row first). */
export function readCsvReport(text: string): Finding[] {
  const [header, ...rows] = parseCsv(text)
  if (!header || header[0]?.trim() !== 'issue' || header[1]?.trim() !== 'severity') {
    throw new Error('not an electronegativity CSV report: the header row is missing')
  }
  return rows
    .filter((row) => row.length > 1)
    .map((row) => {
      const [check = '', severity = '', confidence = '', file = '', location = '', sample = ''] =
        row
      return {
        check,
        severity,
        confidence,
        file,
        line: Number(location.split(':')[0]),
        sample,
        description: row[6] ?? '',
      }
    })
}

const DIRECTIVE =
  /(?:\/\/|\/\*|<!--)[ \t]*eng-disable[ \t]+([\w \t,]*?)[ \t]*(?:--[ \t]*(.*?))?[ \t]*(?:\*\/|-->)?[ \t]*$/

/** Every `eng-disable` comment in one file, with the reason written after `--`. */
export function findSuppressions(file: string, text: string): Suppression[] {
  const found: Suppression[] = []
  text.split(/\r?\n/).forEach((lineText, index) => {
    const match = DIRECTIVE.exec(lineText)
    if (!match) return
    const checks = (match[1] ?? '')
      .split(/[\s,]+/)
      .filter((word) => /^[A-Z0-9_]+_CHECK$/.test(word))
    found.push({ checks, file, line: index + 1, reason: (match[2] ?? '').trim() })
  })
  return found
}

/** What the gate fails on: unsuppressed HIGH/MEDIUM findings, and suppressions without reasons. */
export function judge(
  findings: Finding[],
  suppressions: Suppression[],
): { failing: Finding[]; unexplained: Suppression[]; suppressed: Finding[] } {
  const explained = suppressions.filter((s) => s.reason.length >= 10 && s.checks.length > 0)
  const covers = (finding: Finding): boolean =>
    explained.some(
      (s) =>
        s.checks.includes(finding.check) &&
        (finding.file === 'N/A' || (s.file === finding.file && s.line === finding.line)),
    )
  const serious = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM')
  return {
    failing: serious.filter((finding) => !covers(finding)),
    suppressed: serious.filter(covers),
    unexplained: suppressions.filter((s) => !explained.includes(s)),
  }
}
