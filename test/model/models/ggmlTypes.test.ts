import { getLlama } from 'node-llama-cpp'
import { describe, expect, it } from 'vitest'
import { ggmlTypeInfo, LAST_KNOWN_GGML_TYPE } from '@core/engine/gguf/ggmlTypes'

type Bindings = {
  getBlockSizeForGgmlType(type: number): number | undefined
  getTypeSizeForGgmlType(type: number): number | undefined
}

describe('the ggml storage-type table used to find truncated files', () => {
  it('matches the block and byte sizes of the llama.cpp build we ship', async () => {
    const llama = await getLlama({ gpu: false, build: 'never' })
    try {
      // Not public API: the table must agree with the native library, so ask it directly.
      const bindings = (llama as unknown as { _bindings: Bindings })._bindings
      for (let type = 0; type <= LAST_KNOWN_GGML_TYPE; type++) {
        const info = ggmlTypeInfo(type)
        const native = [
          bindings.getBlockSizeForGgmlType(type),
          bindings.getTypeSizeForGgmlType(type),
        ]
        expect([info.name, ...native]).toEqual([
          info.name,
          ...(info.known ? [info.blockSize, info.typeSize] : [0, 0]),
        ])
      }
      // A newer llama.cpp with more types needs the table extended.
      expect(bindings.getBlockSizeForGgmlType(LAST_KNOWN_GGML_TYPE + 1) ?? 0).toBe(0)
    } finally {
      await llama.dispose()
    }
  })
})
