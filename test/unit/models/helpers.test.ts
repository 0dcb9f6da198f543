import { describe, expect, it } from 'vitest'
import { explainNoGpu } from '@core/engine/doctor/explainNoGpu'
import type { Catalog, CatalogEntry } from '@core/models/catalog'
import { formatBytes, formatDuration, formatParameterCount } from '@core/models/format'
import { slugFromFileName, uniqueId } from '@core/models/modelIds'
import { defaultModelsDir } from '@core/models/modelsDir'
import { recommendModel } from '@core/models/recommendModel'

const model = (
  id: string,
  sizeGb: number,
  minRamGb: number,
  minVramGb: number,
  isDefault = false,
): CatalogEntry => ({
  id,
  title: id,
  description: id,
  uri: `hf:a/b/${id}.gguf`,
  fileName: `${id}.gguf`,
  quantization: 'Q4_K_M',
  sizeBytes: sizeGb * 1e9,
  sizeExact: false,
  sha256: null,
  minRamGb,
  minVramGb,
  default: isDefault,
})
const catalog: Catalog = {
  version: 1,
  models: [
    model('small', 1.1, 4, 2),
    model('medium', 2.5, 8, 4, true),
    model('large', 18.6, 32, 20),
  ],
}

describe('model helpers', () => {
  it('writes sizes, durations and parameter counts as people read them', () => {
    expect([
      formatBytes(637_184),
      formatBytes(2_497_281_120),
      formatBytes(18_600_000_000),
      formatBytes(12),
    ]).toEqual(['637 KB', '2.5 GB', '18.6 GB', '12 bytes'])
    expect([formatDuration(45), formatDuration(200), formatDuration(3900)]).toEqual([
      '45 s',
      '3 min 20 s',
      '1 h 5 min',
    ])
    expect([formatParameterCount(4_022_000_000), formatParameterCount(154_496)]).toEqual([
      '4.0B',
      '154K',
    ])
  })

  it('keeps models in the per-user data folder, never the current directory', () => {
    expect(defaultModelsDir({ XDG_DATA_HOME: '/data' }, 'linux')).toBe('/data/quire/models')
    expect(defaultModelsDir({}, 'linux')).toMatch(/\/\.local\/share\/quire\/models$/)
    expect(defaultModelsDir({}, 'darwin')).toMatch(/\/Library\/Application Support\/Quire\/models$/)
    expect(defaultModelsDir({ APPDATA: 'C:\\Users\\w\\AppData\\Roaming' }, 'win32')).toMatch(
      /Roaming.Quire.models$/,
    )
  })

  it('makes ids from file names without clashing', () => {
    expect(slugFromFileName('/x/My Story Model-Q4_K_M.gguf')).toBe('my-story-model-q4_k_m')
    expect(uniqueId('tiny', new Set(['tiny', 'tiny-2']))).toBe('tiny-3')
  })

  it('suggests the largest model a machine can run well', () => {
    expect(recommendModel(catalog, { ramGb: 64, vramGb: 24 }).id).toBe('large')
    expect(recommendModel(catalog, { ramGb: 16, vramGb: 0 }).id).toBe('medium')
    expect(recommendModel(catalog, { ramGb: 6, vramGb: 0 }).id).toBe('small')
    expect(recommendModel(catalog, { ramGb: 2, vramGb: 0 }).id).toBe('small')
  })

  it('says why there is no GPU', () => {
    expect(explainNoGpu('linux-x64', ['cuda', 'vulkan'], [])).toMatch(
      /^No CUDA \(NVIDIA\) or Vulkan driver was found/,
    )
    expect(explainNoGpu('linux-x64', ['cuda', 'vulkan'], ['vulkan'])).toMatch(
      /^A Vulkan driver was found, but/,
    )
    expect(explainNoGpu('linux-arm64', [], [])).toMatch(/no GPU build for linux-arm64/)
  })
})
