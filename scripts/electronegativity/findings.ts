// The rules of the Electron checklist gate, apart from running the tool: read electronegativity's
// findings, find the inline suppressions in the sources, and decide what fails.
// A HIGH or MEDIUM finding fails unless the line it names (or, for a finding about the whole
// app, any source file) carries `eng-disable CHECK_ID -- why`. A suppression without a written
// reason fails too, even though electronegativity itself already honours it.

/** One finding of electronegativity, as the gate reads it. */
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

/** One issue as electronegativity's runner returns it (dist/runner.js). */
export interface ToolIssue {
  id: string
  severity: { name: string }
  confidence: { name: string }
  file: string
  location: { line: number; column: number }
  sample?: string | null
  description: string
}

/**
 * The findings in the runner's own result. (The tool's CSV writer is not read back: it writes
 * the header and the rows with two unawaited `fs.writeFile` calls, and on a busy machine the
 * header's truncating write can land after the rows, leaving a report with no findings.)
 */
export function findingsFromIssues(issues: ToolIssue[]): Finding[] {
  return issues.map((issue) => ({
    check: issue.id,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    file: issue.file,
    line: issue.location.line,
    sample: issue.sample ?? 'N/A',
    description: issue.description,
  }))
}

const csvField = (value: string): string => `"${value.replace(/"/g, '""')}"`

/** The report as CSV (RFC 4180), in the columns electronegativity's own report uses. */
export function toCsvReport(findings: Finding[]): string {
  const header = 'issue,severity,confidence,filename,line,sample,description\n'
  return (
    header +
    findings
      .map(
        (f) =>
          [f.check, f.severity, f.confidence, f.file, String(f.line), f.sample, f.description]
            .map(csvField)
            .join(',') + '\n',
      )
      .join('')
  )
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
