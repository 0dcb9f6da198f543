import { describe, expect, it } from 'vitest'
import { walkGgufHeader } from '@core/engine/gguf/walkGgufHeader'
import { str, strArray, u32, writeGguf } from '../../fixtures/gguf/writer'

const model = () =>
  writeGguf({
    metadata: [
      { key: 'general.architecture', value: str('qwen3') },
      { key: 'qwen3.block_count', value: u32(1) },
      { key: 'tokenizer.ggml.tokens', value: strArray(['a', 'b', 'c']) },
    ],
    tensors: [{ name: 'w', shape: [4, 2], type: 'F32', data: new Float32Array(8) }],
  })

/** Overwrites the u64 count of the token array (it follows the key, type 9 and item type 8). */
function withTokenCount(bytes: Uint8Array, count: bigint): Uint8Array {
  const copy = bytes.slice()
  const key = new TextEncoder().encode('tokenizer.ggml.tokens')
  const at = Buffer.from(copy).indexOf(Buffer.from(key)) + key.length + 8
  new DataView(copy.buffer).setBigUint64(at, count, true)
  return copy
}

describe('walking a GGUF header before trusting it', () => {
  it('finds the end of a sound header', () => {
    const bytes = model()
    const walk = walkGgufHeader(bytes, bytes.length)
    expect(walk).toMatchObject({ status: 'ok', version: 3, tensorCount: 1 })
    if (walk.status === 'ok') expect(walk.headerEnd).toBeLessThan(bytes.length)
  })

  it('asks for more bytes when given only the start of a long header', () => {
    const bytes = model()
    expect(walkGgufHeader(bytes.subarray(0, 40), bytes.length)).toMatchObject({
      status: 'need-more',
    })
  })

  it('rejects a count no file could hold, without reading it', () => {
    const bytes = withTokenCount(model(), 1n << 40n)
    expect(walkGgufHeader(bytes, bytes.length)).toEqual({
      status: 'problem',
      problem: {
        kind: 'header-damaged',
        detail: 'tokenizer.ggml.tokens claims 1099511627776 entries',
      },
    })
  })

  it('calls a header that runs past the end of the file cut off', () => {
    const bytes = model()
    const cut = bytes.subarray(0, 60)
    expect(walkGgufHeader(cut, cut.length)).toMatchObject({
      status: 'problem',
      problem: { kind: 'header-cut' },
    })
  })

  it('recognises other files and old GGUF versions', () => {
    expect(walkGgufHeader(new TextEncoder().encode('PK\u0003\u0004zip'), 7)).toMatchObject({
      problem: { kind: 'not-gguf' },
    })
    expect(walkGgufHeader(new Uint8Array(), 0)).toMatchObject({ problem: { kind: 'empty' } })
    const old = model().slice()
    new DataView(old.buffer).setUint32(4, 1, true)
    expect(walkGgufHeader(old, old.length)).toMatchObject({ problem: { kind: 'old-format' } })
  })
})
