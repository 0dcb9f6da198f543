import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { validateModel } from '@core/models/validateModel'
import { printable } from '@shared/text/printable'
import { runModels } from '../../../src/cli/commands/models'
import { str, u32 } from '../../fixtures/gguf/writer'
import { buildTinyQwen3 } from '../../fixtures/gguf/tinyQwen3'

/** Sets the terminal's title, then clears the screen, if printed as it is. */
const ATTACK = '\x1b]0;pwned\x07\x1b[2J'
const ESCAPED = '\\x1b]0;pwned\\x07\\x1b[2J'
/** True when text holds a control character other than a line break or a tab. */
const hasControl = (text: string) =>
  [...text].some((char) => {
    const code = char.codePointAt(0) ?? 0
    return (code < 0x20 && char !== '\n' && char !== '\t') || (code >= 0x7f && code <= 0x9f)
  })

/** The tiny model with one more key, named with terminal escapes, whose value type is garbage. */
function modelWithHostileKey(): Uint8Array {
  const bytes = buildTinyQwen3({ overrides: { [ATTACK]: u32(1) } }).slice()
  const key = Buffer.from(ATTACK, 'utf8')
  const at = Buffer.from(bytes).indexOf(key) + key.length
  new DataView(bytes.buffer).setUint32(at, 99, true)
  return bytes
}

let dir = ''
let output = ''
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quire-hostile-gguf-'))
  output = ''
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    output += String(chunk)
    return true
  })
})
afterEach(() => void vi.restoreAllMocks())

async function file(name: string, bytes: Uint8Array): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, bytes)
  return path
}

describe('messages that quote a GGUF file', () => {
  it('escape a key name made of terminal escapes', async () => {
    const path = await file('hostile.gguf', modelWithHostileKey())
    const error = await runModels(['info', path, '--dir', dir]).catch((caught: unknown) => caught)
    const message = (error as Error).message
    expect(message).toContain(`hostile.gguf is damaged`)
    expect(message).toContain(`${ESCAPED} has unknown value type 99`)
    expect(hasControl(message)).toBe(false)
  })

  it('escape an architecture name with escapes in it', async () => {
    const path = await file(
      'arch.gguf',
      buildTinyQwen3({ overrides: { 'general.architecture': str(`qwen${ATTACK}`) } }),
    )
    const error = await validateModel(path).catch((caught: unknown) => caught)
    expect((error as Error).message).toContain(`"qwen${ESCAPED}" models are not supported`)
    expect(hasControl((error as Error).message)).toBe(false)
  })

  it('escape the model name `quire models info` prints', async () => {
    const path = await file(
      'named.gguf',
      buildTinyQwen3({ overrides: { 'general.name': str(`Tiny${ATTACK}\n\u202eevil`) } }),
    )
    await runModels(['info', path, '--dir', dir])
    expect(output).toContain(`Name          Tiny${ESCAPED}\\x0a\\u202eevil\n`)
    expect(hasControl(output)).toBe(false)
  })
})

describe('printable', () => {
  it('keeps Chinese, emoji and plain text as they are', () => {
    expect(printable('秋风 😀 café')).toBe('秋风 😀 café')
  })

  it('shows controls, bidi overrides and lone surrogates as escapes, and cuts long text', () => {
    expect(printable('a\x00b\x9bc\u202ed\ud800')).toBe('a\\x00b\\x9bc\\u202ed\\ud800')
    expect(printable('line\nnext\ttab', { keepLineBreaks: true })).toBe('line\nnext\ttab')
    expect(printable('line\nnext')).toBe('line\\x0anext')
    expect(printable('x'.repeat(10), { maxLength: 4 })).toBe('xxxx…')
  })
})
