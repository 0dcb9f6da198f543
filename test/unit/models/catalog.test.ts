import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import {
  defaultCatalogEntry,
  parseCatalog,
  sizeMatches,
  type Catalog,
  type CatalogEntry,
} from '@core/models/catalog'

const bundled = async (): Promise<unknown> =>
  JSON.parse(await readFile(new URL('../../../resources/models.json', import.meta.url), 'utf8'))

const entry = (overrides: Partial<CatalogEntry> = {}): CatalogEntry => ({
  id: 'small',
  title: 'Small',
  description: 'A small model.',
  uri: 'hf:someone/small-GGUF/small-Q4_K_M.gguf',
  fileName: 'small-Q4_K_M.gguf',
  quantization: 'Q4_K_M',
  sizeBytes: 1_000_000_000,
  sizeExact: false,
  sha256: null,
  minRamGb: 4,
  minVramGb: 2,
  default: true,
  ...overrides,
})

describe('the model catalog', () => {
  it('bundles Qwen3-4B-Instruct-2507 Q4_K_M as the default, plus a smaller and a larger choice', async () => {
    const catalog = parseCatalog(await bundled())
    const chosen = defaultCatalogEntry(catalog)
    expect(chosen).toMatchObject({ id: 'qwen3-4b-instruct-2507', quantization: 'Q4_K_M' })
    expect(chosen.uri).toMatch(
      /^hf:unsloth\/Qwen3-4B-Instruct-2507-GGUF\/Qwen3-4B-Instruct-2507-Q4_K_M\.gguf#/,
    )
    const sizes = catalog.models.map((model) => model.sizeBytes)
    expect(Math.min(...sizes)).toBeLessThan(chosen.sizeBytes)
    expect(Math.max(...sizes)).toBeGreaterThan(chosen.sizeBytes)
  })

  it.each([
    [
      'two defaults',
      { models: [entry(), entry({ id: 'other', fileName: 'other.gguf' })] },
      /exactly one model must be the default, not 2/,
    ],
    [
      'a repeated id',
      { models: [entry(), entry({ default: false, fileName: 'b.gguf' })] },
      /id "small" is used twice/,
    ],
    [
      'a bad hash',
      { models: [entry({ sha256: 'abc', sizeExact: true })] },
      /models\.0\.sha256: 64 lower-case hex digits/,
    ],
    [
      'a hash without an exact size',
      { models: [entry({ sha256: 'a'.repeat(64) })] },
      /small: a pinned sha256 needs an exact size/,
    ],
    [
      'a path as file name',
      { models: [entry({ fileName: '../evil.gguf' })] },
      /models\.0\.fileName: a plain \.gguf file name/,
    ],
    [
      'a plain-http address',
      { models: [entry({ uri: 'http://example.com/a.gguf' })] },
      /models\.0\.uri/,
    ],
    ['an unknown field', { models: [{ ...entry(), colour: 'red' }] }, /models\.0/],
  ])('rejects %s, saying where', (_name, models, message) => {
    expect(() => parseCatalog({ version: 1, ...models }, 'models.json')).toThrow(message)
  })

  it('holds exact sizes exactly and approximate ones within 10%', () => {
    const exact = entry({ sizeExact: true })
    expect(sizeMatches(exact, 1_000_000_000)).toBe(true)
    expect(sizeMatches(exact, 1_000_000_001)).toBe(false)
    const approximate = entry()
    expect(sizeMatches(approximate, 1_090_000_000)).toBe(true)
    expect(sizeMatches(approximate, 637_184)).toBe(false)
  })

  it('accepts its own example entry', () => {
    const catalog: Catalog = parseCatalog({ version: 1, models: [entry()] })
    expect(defaultCatalogEntry(catalog).id).toBe('small')
  })
})
