import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const dir = mkdtempSync(join(tmpdir(), 'quire-electronegativity-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the Electron checklist gate, run on a folder with holes', () => {
  it('fails on unsuppressed HIGH and MEDIUM findings and on a suppression without a reason', () => {
    const src = join(dir, 'src')
    mkdirSync(src)
    writeFileSync(
      join(src, 'window.ts'),
      [
        "import { BrowserWindow } from 'electron'",
        'export const open = (): BrowserWindow =>',
        '  new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } })',
        '',
      ].join('\n'),
    )
    writeFileSync(
      join(src, 'links.ts'),
      [
        "import { shell } from 'electron'",
        'export const visit = (url: string) => shell.openExternal(url) // eng-disable OPEN_EXTERNAL_JS_CHECK',
        '',
      ].join('\n'),
    )
    const run = spawnSync(
      'npx',
      ['tsx', 'scripts/electronegativity/run.ts', src, join(dir, 'report.csv')],
      {
        encoding: 'utf8',
      },
    )
    // stderr in the message: the tool's own failure says why there are no findings
    expect(run.status, run.stderr).toBe(1)
    expect(run.stdout, run.stderr).toMatch(/✗ HIGH CONTEXT_ISOLATION_JS_CHECK at window\.ts:3/)
    expect(run.stdout).toMatch(/✗ MEDIUM SANDBOX_JS_CHECK at window\.ts:3/)
    expect(run.stdout).toMatch(/✗ HIGH LIMIT_NAVIGATION_GLOBAL_CHECK at the whole app/)
    expect(run.stdout).toContain('✗ links.ts:2 eng-disable without a reason after "--"')
    expect(run.stdout).not.toContain('OPEN_EXTERNAL_JS_CHECK at')
  }, 120_000)
})
