import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { buildTinyQwen3 } from '../fixtures/gguf/tinyQwen3'
import { u32 } from '../fixtures/gguf/writer'
import { CORRUPT_MODEL_PATHS } from '../fixtures/paths'

const CLI = fileURLToPath(new URL('../../out/main/cli.js', import.meta.url))

function quire(dataDir: string, args: string[]) {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, QUIRE_DATA_DIR: dataDir },
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

/** A run that starts the service and stops at the model check, before any token. */
const refusedGenerate = [
  'generate',
  '--model',
  CORRUPT_MODEL_PATHS['head-count-zero'],
  '--prompt',
  'rewrite.lyrical',
  '--selection',
  'x',
  '--threads',
  '1',
]

describe('the built CLI and hostile input', () => {
  it('says once that settings were unreadable, and is quiet on the next run', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'quire-cli-settings-'))
    writeFileSync(join(dataDir, 'settings.json'), '{"engine": {"threads": ')
    const first = quire(dataDir, refusedGenerate)
    expect(first.stderr).toMatch(/^quire: Your settings file could not be read \(.*kept a copy/)
    const second = quire(dataDir, refusedGenerate)
    expect(second.stderr).not.toContain('settings')
    expect(readdirSync(dataDir).filter((name) => name.includes('.unreadable-'))).toHaveLength(1)
  })

  it('prints a GGUF key name made of terminal escapes as visible escapes', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'quire-cli-gguf-'))
    const attack = '\x1b]0;pwned\x07\x1b[2J'
    const bytes = buildTinyQwen3({ overrides: { [attack]: u32(1) } }).slice()
    const key = Buffer.from(attack, 'utf8')
    new DataView(bytes.buffer).setUint32(Buffer.from(bytes).indexOf(key) + key.length, 99, true)
    const file = join(dataDir, 'hostile.gguf')
    writeFileSync(file, bytes)
    const run = quire(dataDir, ['models', 'info', file])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('\\x1b]0;pwned\\x07\\x1b[2J has unknown value type 99')
    expect(run.stderr).not.toContain('\x1b')
    expect(run.stderr).not.toContain('\x07')
  })
})
