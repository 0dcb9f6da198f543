import type { Catalog, CatalogEntry } from './catalog'

export type MachineMemory = { ramGb: number; vramGb: number }

/**
 * The catalog model that suits a machine: the largest whose memory needs it meets (GPU memory
 * when there is a GPU, RAM always), the default one when it fits, the smallest otherwise.
 */
export function recommendModel(catalog: Catalog, machine: MachineMemory): CatalogEntry {
  const bySize = [...catalog.models].sort((a, b) => a.sizeBytes - b.sizeBytes)
  const fits = bySize.filter((model) => model.minRamGb <= machine.ramGb)
  const onGpu = fits.filter((model) => machine.vramGb > 0 && model.minVramGb <= machine.vramGb)
  const defaultModel = fits.find((model) => model.default)
  return onGpu.at(-1) ?? defaultModel ?? fits.at(-1) ?? (bySize[0] as CatalogEntry)
}
