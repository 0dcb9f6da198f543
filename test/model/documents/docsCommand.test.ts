import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const CLI = fileURLToPath(new URL('../../../out/main/cli.js', import.meta.url))

function quire(args: string[], env: Record<string, string>) {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, ...env },
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

describe('quire docs (the built CLI)', () => {
  it('lists the folder named by QUIRE_DOCS_DIR and exports a document', () => {
    const docs = mkdtempSync(join(tmpdir(), 'quire-docs-bin-'))
    const data = mkdtempSync(join(tmpdir(), 'quire-data-bin-'))
    writeFileSync(join(docs, 'poem.md'), '# 夜雨\n\n窗外的雨一直下。\n')
    const env = { QUIRE_DOCS_DIR: docs, QUIRE_DATA_DIR: data }

    const listed = quire(['docs', 'list', '--json'], env)
    expect(listed.code, listed.stderr).toBe(0)
    expect(JSON.parse(listed.stdout)).toMatchObject({
      folder: docs,
      documents: [{ path: 'poem.md', title: '夜雨', words: 9, hasBackup: false }],
    })

    const out = join(data, 'poem.html')
    const exported = quire(['docs', 'export', 'poem.md', '--to', 'html', '--out', out], env)
    expect(exported.code, exported.stderr).toBe(0)
    expect(readFileSync(out, 'utf8')).toContain('<h1>夜雨</h1>')

    const wrong = quire(['docs', 'export', 'poem.md', '--to', 'pdf'], env)
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toContain('--to takes html or docx.')
    expect(quire(['help', 'docs'], env).stdout).toContain('quire docs export FILE --to html|docx')

    // A folder whose name ends in .md, here or in the documents folder, is named for what it is.
    mkdirSync(join(docs, 'drafts.md'))
    for (const name of ['drafts.md', join(docs, 'drafts.md')]) {
      const folder = quire(['docs', 'export', name, '--to', 'html', '--out', data], env)
      expect(folder.code).toBe(2)
      expect(folder.stderr).toContain(`quire: ${name} is a folder, not a document.`)
    }
    const file = quire(['docs', 'list', '--docs', join(docs, 'poem.md')], env)
    expect(file.code).toBe(2)
    expect(file.stderr).toContain(`--docs ${join(docs, 'poem.md')} is a file, not a folder.`)
  })
})
