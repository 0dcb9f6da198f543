import { QuireError } from '@shared/contract'
import type { GgufFacts, MetadataValue } from '../engine/gguf/ggufFacts'
import { formatBytes } from '../models/format'

/** Bytes per cached key or value element: llama.cpp keeps its KV cache in f16 by default. */
const KV_ELEMENT_BYTES = 2
/** Room for llama.cpp's compute buffers and the process itself, beyond weights and cache. */
const OVERHEAD_BYTES = 128 * 1024 * 1024
const OVERHEAD_SHARE = 0.05

const asNumber = (value: MetadataValue | undefined): number | null =>
  typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : null

/** The largest of a per-layer value (an array in some architectures) or the value itself. */
function largest(value: MetadataValue | undefined): number | null {
  if (Array.isArray(value)) {
    const numbers = value.map((item) => asNumber(item as MetadataValue)).filter((n) => n !== null)
    return numbers.length > 0 ? Math.max(...numbers) : null
  }
  return asNumber(value)
}

/**
 * Bytes the KV cache takes for `tokens` positions, from the header's shape: two (keys and
 * values) × layers × KV heads × head width × f16. Zero when the header does not say.
 */
export function kvCacheBytes(facts: Pick<GgufFacts, 'metadata'>, tokens: number): number {
  const m = facts.metadata
  const arch = typeof m['general.architecture'] === 'string' ? m['general.architecture'] : ''
  const layers = asNumber(m[`${arch}.block_count`])
  const heads = largest(m[`${arch}.attention.head_count`])
  const kvHeads = largest(m[`${arch}.attention.head_count_kv`]) ?? heads
  const embedding = asNumber(m[`${arch}.embedding_length`])
  const keyWidth = asNumber(m[`${arch}.attention.key_length`])
  const valueWidth = asNumber(m[`${arch}.attention.value_length`])
  if (!layers || !kvHeads || !heads) return 0
  const headWidth = embedding ? embedding / heads : 0
  const perToken = kvHeads * ((keyWidth ?? headWidth) + (valueWidth ?? headWidth))
  return Math.ceil(layers * perToken * tokens * KV_ELEMENT_BYTES)
}

/** What loading a model with a context of `tokens` positions is expected to take in memory. */
export function modelFootprint(
  facts: Pick<GgufFacts, 'metadata' | 'fileSizeBytes'>,
  tokens: number,
): number {
  const weights = facts.fileSizeBytes
  return (
    weights + kvCacheBytes(facts, tokens) + OVERHEAD_BYTES + Math.ceil(weights * OVERHEAD_SHARE)
  )
}

/** The error for a model that needs `needBytes` when only `freeBytes` are free. */
export function tooBigError(name: string, needBytes: number, freeBytes: number): QuireError {
  const need = formatBytes(needBytes)
  const free = formatBytes(freeBytes)
  return new QuireError(
    'model-load-failed',
    `${name} needs about ${need} of memory with its context, but only ${free} is free beside the model in use. Close other programs, or load ${name} as the model in use and compare the other way round.`,
    'compare-model-too-big',
    { name, need, free },
  )
}

/**
 * Refuses to load a second model that would not fit in the memory free now (the model in use
 * already holds its share), with both numbers, before llama.cpp tries and the system swaps.
 */
export function checkFits(name: string, needBytes: number, freeBytes: number): void {
  if (needBytes > freeBytes) throw tooBigError(name, needBytes, freeBytes)
}
