import type { ModelInfo } from '@shared/contract'
import type { ServerOffer } from './serverModels'

/** The status's model for a server: its address as the path, its model's name, no local facts. */
export function remoteModelInfo(
  base: string,
  name: string,
  contextSize: number,
  loadMs: number,
): ModelInfo {
  return {
    path: base,
    name,
    architecture: 'remote',
    sizeBytes: 0,
    contextSize,
    backend: 'remote',
    gpuLayers: 0,
    totalLayers: 0,
    sequences: 1,
    threads: 0,
    loadMs: Math.round(loadMs),
    fallback: null,
  }
}

/** A notice when the configured model is not among those the server lists. */
export function unlistedModelNotice(
  base: string,
  model: string,
  offer: ServerOffer,
): string | null {
  if (!model || offer.models.length === 0 || offer.models.includes(model)) return null
  return `The server at ${base} does not list a model named "${model}" (it lists ${offer.models.join(', ')}); Quire will ask for it anyway.`
}
