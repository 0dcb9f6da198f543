import { describe, expect, it } from 'vitest'
import { checkFits, kvCacheBytes, modelFootprint } from '@core/generation/memoryCheck'

const GiB = 1024 ** 3

// Qwen3-4B's shape: 36 layers, 32 query heads, 8 KV heads of width 128.
const qwen3_4b = {
  fileSizeBytes: 2.5 * GiB,
  metadata: {
    'general.architecture': 'qwen3',
    'qwen3.block_count': 36,
    'qwen3.embedding_length': 2560,
    'qwen3.attention.head_count': 32,
    'qwen3.attention.head_count_kv': 8,
    'qwen3.attention.key_length': 128,
    'qwen3.attention.value_length': 128,
  },
}

describe('the memory check before a second model loads', () => {
  it('counts the KV cache from the header: 2 × layers × KV heads × width × f16 per position', () => {
    // 36 × 8 × (128 + 128) × 2 bytes = 144 KiB per position; 8192 positions = 1.125 GiB.
    expect(kvCacheBytes(qwen3_4b, 8192)).toBe(36 * 8 * 256 * 2 * 8192)
    expect(kvCacheBytes(qwen3_4b, 8192)).toBe(1.125 * GiB)
  })

  it('derives the head width from the embedding when the header has no key length', () => {
    const {
      'qwen3.attention.key_length': _k,
      'qwen3.attention.value_length': _v,
      ...rest
    } = qwen3_4b.metadata
    // 2560 / 32 = 80 wide: 36 × 8 × 160 × 2 bytes per position.
    expect(kvCacheBytes({ metadata: rest }, 100)).toBe(36 * 8 * 160 * 2 * 100)
    expect(kvCacheBytes({ metadata: { 'general.architecture': 'x' } }, 100)).toBe(0)
  })

  it('adds weights, cache and room for compute buffers', () => {
    const need = modelFootprint(qwen3_4b, 8192)
    expect(need).toBeGreaterThan(2.5 * GiB + 1.125 * GiB)
    expect(need).toBeLessThan(4 * GiB)
  })

  it('lets a model that fits load, and refuses one that does not with both sizes', () => {
    expect(() => checkFits('Qwen3 8B', 5e9, 6e9)).not.toThrow()
    expect(() => checkFits('Qwen3 8B', 5e9, 3e9)).toThrow(
      expect.objectContaining({
        code: 'model-load-failed',
        key: 'compare-model-too-big',
        params: { name: 'Qwen3 8B', need: '5 GB', free: '3 GB' },
      }),
    )
  })
})
