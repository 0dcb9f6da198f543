import { describe, expect, it } from 'vitest'
import {
  findingsFromIssues,
  findSuppressions,
  judge,
  toCsvReport,
  type ToolIssue,
} from '../../../scripts/electronegativity/findings.js'

const issue = (
  id: string,
  severity: string,
  file: string,
  line: number,
  sample: string | null = 'x',
): ToolIssue => ({
  id,
  severity: { name: severity },
  confidence: { name: 'FIRM' },
  file,
  location: { line, column: 4 },
  sample,
  description: 'why it matters',
})

describe("reading the tool's findings and writing the report", () => {
  it('keeps the check, severity, file and line of each finding, and N/A for a missing sample', () => {
    const [external, csp] = findingsFromIssues([
      issue('OPEN_EXTERNAL_JS_CHECK', 'MEDIUM', 'main/a.ts', 15, 'shell.openExternal(url)'),
      issue('CSP_GLOBAL_CHECK', 'MEDIUM', 'N/A', 0, null),
    ])
    expect(external).toMatchObject({
      check: 'OPEN_EXTERNAL_JS_CHECK',
      severity: 'MEDIUM',
      file: 'main/a.ts',
      line: 15,
      sample: 'shell.openExternal(url)',
    })
    expect(csp).toMatchObject({ check: 'CSP_GLOBAL_CHECK', file: 'N/A', line: 0, sample: 'N/A' })
  })

  it('writes every finding as one CSV row, quoting commas, quotes and line breaks', () => {
    const findings = findingsFromIssues([
      issue('OPEN_EXTERNAL_JS_CHECK', 'MEDIUM', 'main/a.ts', 15, 'open(url, { a: "b" })\nnext'),
    ])
    expect(toCsvReport(findings)).toBe(
      'issue,severity,confidence,filename,line,sample,description\n' +
        '"OPEN_EXTERNAL_JS_CHECK","MEDIUM","FIRM","main/a.ts","15","open(url, { a: ""b"" })\nnext","why it matters"\n',
    )
  })
})

describe('inline suppressions', () => {
  it('reads the checks and the reason after "--", in // and /* */ comments', () => {
    const text = [
      'const w = new BrowserWindow({ // eng-disable AUXCLICK_JS_CHECK -- denied by the open handler',
      '/* eng-disable CSP_GLOBAL_CHECK, PRELOAD_JS_CHECK -- header set in appProtocol.ts */',
      'preload, // eng-disable PRELOAD_JS_CHECK',
      'shell.openExternal(url) // eng-disable OPEN_EXTERNAL_JS_CHECK because I said so',
      "const text = 'no directive here'",
    ].join('\n')
    expect(findSuppressions('main/w.ts', text)).toEqual([
      {
        checks: ['AUXCLICK_JS_CHECK'],
        file: 'main/w.ts',
        line: 1,
        reason: 'denied by the open handler',
      },
      {
        checks: ['CSP_GLOBAL_CHECK', 'PRELOAD_JS_CHECK'],
        file: 'main/w.ts',
        line: 2,
        reason: 'header set in appProtocol.ts',
      },
      { checks: ['PRELOAD_JS_CHECK'], file: 'main/w.ts', line: 3, reason: '' },
      { checks: ['OPEN_EXTERNAL_JS_CHECK'], file: 'main/w.ts', line: 4, reason: '' },
    ])
  })
})

describe('what the gate fails on', () => {
  const findings = findingsFromIssues([
    issue('NODE_INTEGRATION_JS_CHECK', 'HIGH', 'main/w.ts', 3),
    issue('OPEN_EXTERNAL_JS_CHECK', 'MEDIUM', 'main/s.ts', 9),
    issue('PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK', 'LOW', 'N/A', 0),
    issue('CSP_GLOBAL_CHECK', 'MEDIUM', 'N/A', 0, null),
  ])

  it('fails every HIGH and MEDIUM finding nothing suppresses, and lets LOW ones pass', () => {
    const { failing } = judge(findings, [])
    expect(failing.map((f) => f.check)).toEqual([
      'NODE_INTEGRATION_JS_CHECK',
      'OPEN_EXTERNAL_JS_CHECK',
      'CSP_GLOBAL_CHECK',
    ])
  })

  it('lets a suppression with a reason cover its own line, and a whole-app finding anywhere', () => {
    const { failing, suppressed, unexplained } = judge(findings, [
      { checks: ['OPEN_EXTERNAL_JS_CHECK'], file: 'main/s.ts', line: 9, reason: 'http(s) only' },
      { checks: ['CSP_GLOBAL_CHECK'], file: 'main/p.ts', line: 28, reason: 'CSP is a header' },
      { checks: ['NODE_INTEGRATION_JS_CHECK'], file: 'main/w.ts', line: 4, reason: 'wrong line!' },
    ])
    expect(failing.map((f) => f.check)).toEqual(['NODE_INTEGRATION_JS_CHECK'])
    expect(suppressed.map((f) => f.check)).toEqual(['OPEN_EXTERNAL_JS_CHECK', 'CSP_GLOBAL_CHECK'])
    expect(unexplained).toEqual([])
  })

  it('fails a suppression without a written reason, and does not let it cover anything', () => {
    const bare = { checks: ['CSP_GLOBAL_CHECK'], file: 'main/p.ts', line: 1, reason: '' }
    const short = { checks: ['OPEN_EXTERNAL_JS_CHECK'], file: 'main/s.ts', line: 9, reason: 'ok' }
    const { failing, unexplained } = judge(findings, [bare, short])
    expect(unexplained).toEqual([bare, short])
    expect(failing.map((f) => f.check)).toContain('CSP_GLOBAL_CHECK')
    expect(failing.map((f) => f.check)).toContain('OPEN_EXTERNAL_JS_CHECK')
  })
})
