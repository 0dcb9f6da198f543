import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { CORRUPT_MODEL_PATHS, TINY_MODEL_PATH } from '../fixtures/paths'

const CLI = fileURLToPath(new URL('../../out/main/cli.js', import.meta.url))
const DATA_DIR = mkdtempSync(join(tmpdir(), 'quire-cli-'))

function quire(args: string[], input?: string) {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    input,
    timeout: 60_000,
    env: { ...process.env, QUIRE_DATA_DIR: DATA_DIR },
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

const generate = (...extra: string[]) => [
  'generate',
  '--model',
  TINY_MODEL_PATH,
  '--prompt',
  'rewrite.lyrical',
  '--threads',
  '1',
  ...extra,
]

describe('quire generate (the built CLI)', () => {
  it('prints the text and its stats as JSON, the same for the same seed', () => {
    const first = quire(
      generate('--selection', 'The harbour was quiet at dawn.', '--seed', '5', '--json'),
    )
    expect(first.code, first.stderr).toBe(0)
    const parsed = JSON.parse(first.stdout) as { text: string; stats: Record<string, unknown> }
    expect(parsed.text.length).toBeGreaterThan(0)
    expect(parsed.stats).toMatchObject({
      stopReason: expect.stringMatching(/^(eos|max-tokens)$/),
      generatedTokens: expect.any(Number),
      promptTokens: expect.any(Number),
    })
    const again = quire(
      generate('--selection', 'The harbour was quiet at dawn.', '--seed', '5', '--json'),
    )
    expect(JSON.parse(again.stdout).text).toBe(parsed.text)
  })

  it('streams plain text and reads the selection from standard input', () => {
    const run = quire(
      generate('--selection', '-', '--seed', '1', '--max-tokens', '8'),
      '秋天的风吹过老街。',
    )
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout.trim().length).toBeGreaterThan(0)
  })

  it('refuses a model that would abort llama.cpp before loading it, in one line', () => {
    const run = quire([
      'generate',
      '--model',
      CORRUPT_MODEL_PATHS['head-count-zero'],
      '--prompt',
      'rewrite.lyrical',
      '--selection',
      'x',
      '--threads',
      '1',
    ])
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(
      'quire: corrupt-head-count-zero.gguf is damaged: it says the model has zero attention heads (qwen3.attention.head_count = 0).\n',
    )
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
  })

  it.each([
    [['generate', '--prompt', 'rewrite.lyrical', '--selection', 'x'], /--model FILE is required/],
    [generate('--selection', 'x', '--seed', 'soon'), /--seed takes a whole number/],
    [generate('--selection', 'x', '--lang', 'fr'), /--lang takes auto, zh or en/],
    [['frobnicate'], /Unknown command "frobnicate"/],
  ])('rejects bad usage with exit code 2: %j', (args, message) => {
    const run = quire(args)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(message)
  })

  it('names a prompt that does not exist', () => {
    const run = quire([
      'generate',
      '--model',
      TINY_MODEL_PATH,
      '--prompt',
      'rewrite.nope',
      '--selection',
      'x',
      '--threads',
      '1',
    ])
    expect(run.code).toBe(1)
    expect(run.stderr).toBe('quire: There is no prompt "rewrite.nope" in the library.\n')
  })

  it('says there is no such command when asked for its help, as running it would', () => {
    const run = quire(['help', 'nope'])
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toBe('quire: There is no command "nope".\nRun "quire help" for usage.\n')
    expect(quire(['help', 'serve']).stdout).toContain('quire serve [--model FILE]')
  })

  it('says a --docs that names a file is not a folder, before starting anything', () => {
    const file = join(DATA_DIR, 'notes.txt')
    writeFileSync(file, 'not a folder')
    const run = quire(['serve', '--docs', file, '--port', '0', '--no-open'])
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(
      `quire: --docs ${file} is a file, not a folder. Name the folder your documents are in.\nRun "quire help" for usage.\n`,
    )
    expect(readFileSync(file, 'utf8')).toBe('not a folder')
  })

  it('prints its version', () => {
    const run = quire(['--version'])
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
  })
})
