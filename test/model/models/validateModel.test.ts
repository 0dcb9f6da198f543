import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { QuireError } from '@shared/contract'
import { validateModel } from '@core/models/validateModel'
import { str, u32 } from '../../fixtures/gguf/writer'
import { buildTinyQwen3 } from '../../fixtures/gguf/tinyQwen3'
import { CORRUPT_MODEL_PATHS, TINY_MODEL_PATH } from '../../fixtures/paths'

/** The error validateModel throws for `path`. */
async function rejection(path: string): Promise<QuireError> {
  const error = await validateModel(path).then(
    () => null,
    (caught: unknown) => caught,
  )
  if (!(error instanceof QuireError)) throw new Error(`expected a QuireError, got ${String(error)}`)
  return error
}

describe('validateModel on the generated fixtures', () => {
  it('accepts the tiny model and describes it', async () => {
    const summary = await validateModel(TINY_MODEL_PATH)
    expect(summary).toMatchObject({
      fileName: 'tiny-qwen3.gguf',
      name: 'Quire tiny test model',
      architecture: 'qwen3',
      family: 'Qwen',
      quantization: 'F32',
      contextLength: 2048,
      layers: 2,
      vocabularySize: 628,
      sizeBytes: (await stat(TINY_MODEL_PATH)).size,
    })
    expect(summary.parameterCount).toBeGreaterThan(100_000)
  })

  // Each of these aborts llama.cpp (or fails deep inside it) if loaded; here they are caught
  // in this process, from the header alone.
  it.each([
    [
      'block-count-zero',
      /^corrupt-block-count-zero\.gguf is damaged: it says the model has no layers \(qwen3\.block_count = 0\)\.$/,
    ],
    [
      'head-count-zero',
      /^corrupt-head-count-zero\.gguf is damaged: it says the model has zero attention heads \(qwen3\.attention\.head_count = 0\)\.$/,
    ],
    [
      'duplicate-vocab',
      /^corrupt-duplicate-vocab\.gguf is damaged: its vocabulary lists "a" twice \(tokenizer\.ggml\.tokens ids 97 and 256\)\.$/,
    ],
    [
      'truncated',
      /^truncated\.gguf is incomplete: the file ends early — only 319 KB of 637 KB are there, so the download or copy was probably cut off \(tensor data ends at byte 637184, the file has 318592\)\.$/,
    ],
  ] as const)('rejects %s with a reason a writer can read', async (kind, message) => {
    const error = await rejection(CORRUPT_MODEL_PATHS[kind])
    expect(error.code).toBe('model-invalid')
    expect(error.message).toMatch(message)
  })
})

describe('validateModel on other broken files', () => {
  let dir = ''
  const write = async (name: string, bytes: Uint8Array | string) => {
    const path = join(dir, name)
    await writeFile(path, bytes)
    return path
  }
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'quire-validate-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('says a missing file is missing, and a folder is not a model', async () => {
    expect((await rejection(join(dir, 'nowhere.gguf'))).code).toBe('model-not-found')
    expect((await rejection(dir)).message).toMatch(/is a folder, not a model file/)
  })

  it('tells a text file, an empty file and a LoRA adapter from a model', async () => {
    expect((await rejection(await write('notes.gguf', 'Dear diary'))).message).toMatch(
      /^notes\.gguf is not a model file: Quire runs GGUF model files/,
    )
    expect((await rejection(await write('empty.gguf', ''))).message).toMatch(
      /^empty\.gguf is incomplete: the file is empty/,
    )
    const lora = buildTinyQwen3({ overrides: { 'general.type': str('adapter') } })
    expect((await rejection(await write('style.gguf', lora))).message).toBe(
      'style.gguf is a LoRA style adapter, not a model: choose it as a style adapter instead (general.type = adapter).',
    )
  })

  it('names an architecture Quire does not run', async () => {
    const other = buildTinyQwen3({ overrides: { 'general.architecture': str('mamba') } })
    expect((await rejection(await write('snake.gguf', other))).message).toMatch(
      /^snake\.gguf cannot be used by Quire: "mamba" models are not supported; Quire runs Qwen, Llama, Mistral, Gemma and Phi models \(general\.architecture = mamba\)\.$/,
    )
  })

  it('catches attention heads that do not divide and an absurd layer count', async () => {
    const uneven = buildTinyQwen3({ overrides: { 'qwen3.attention.head_count_kv': u32(3) } })
    expect((await rejection(await write('uneven.gguf', uneven))).message).toMatch(
      /4 heads cannot be split evenly into 3 key\/value groups \(qwen3\.attention\.head_count = 4, qwen3\.attention\.head_count_kv = 3\)/,
    )
    const tall = buildTinyQwen3({ overrides: { 'qwen3.block_count': u32(5000) } })
    expect((await rejection(await write('tall.gguf', tall))).message).toMatch(
      /claims 5000 layers, far more than any real model/,
    )
  })

  it('rejects a header with an impossible count at once, without reading on', async () => {
    const bytes = new Uint8Array(await readFile(TINY_MODEL_PATH))
    const key = Buffer.from('tokenizer.ggml.tokens')
    const countAt = Buffer.from(bytes).indexOf(key) + key.length + 8 // after value type and item type
    new DataView(bytes.buffer).setBigUint64(countAt, 1n << 40n, true)
    expect((await rejection(await write('huge.gguf', bytes))).message).toBe(
      'huge.gguf is damaged: its header cannot be read (tokenizer.ggml.tokens claims 1099511627776 entries).',
    )
  })

  it('says a file cut inside its header was cut off', async () => {
    const path = await write('cut.gguf', (await readFile(TINY_MODEL_PATH)).subarray(0, 2000))
    expect((await rejection(path)).message).toMatch(
      /^cut\.gguf is incomplete: the file ends inside its header, so the download or copy was cut off/,
    )
  })
})
