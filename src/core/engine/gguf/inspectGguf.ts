import { open, stat } from 'node:fs/promises'
import { GgufFileType, readGgufFileInfo } from 'node-llama-cpp'
import {
  MAX_KEPT_ARRAY,
  type GgufInspection,
  type GgufReadProblem,
  type MetadataValue,
  type TensorFacts,
} from './ggufFacts'
import { printable } from '@shared/text/printable'
import { walkGgufHeader } from './walkGgufHeader'

const FIRST_WINDOW = 16 * 1024 * 1024
/** Real headers are a few MB (a 152k-token vocabulary is about 6 MB); far beyond this is damage. */
const MAX_WINDOW = 256 * 1024 * 1024
const READ_TIMEOUT_MS = 30_000

const failed = (problem: GgufReadProblem): GgufInspection => ({ ok: false, problem })

/** Reads up to `length` bytes from the start of a file. */
async function readPrefix(path: string, length: number): Promise<Uint8Array> {
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(length)
    const { bytesRead } = await handle.read(buffer, 0, length, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/** Turns node-llama-cpp's nested metadata back into the flat keys GGUF files use. */
function flatten(
  value: unknown,
  prefix: string,
  metadata: Record<string, MetadataValue>,
  arrayLengths: Record<string, number>,
): void {
  if (Array.isArray(value)) {
    arrayLengths[prefix] = value.length
    if (value.length <= MAX_KEPT_ARRAY) metadata[prefix] = value as MetadataValue[]
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value))
      flatten(child, prefix ? `${prefix}.${key}` : key, metadata, arrayLengths)
  } else if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'bigint' ||
    typeof value === 'boolean'
  ) {
    metadata[prefix] = value
  }
}

/** "MOSTLY_Q4_K_M" → "Q4_K_M". */
function fileTypeName(value: MetadataValue | undefined): string | null {
  if (typeof value !== 'number') return null
  const name: unknown = (GgufFileType as unknown as Record<number, string | undefined>)[value]
  return typeof name === 'string' ? name.replace(/^(MOSTLY|ALL)_/, '') : null
}

/**
 * Reads what a GGUF file says about itself — metadata, vocabulary, tensor layout — without
 * loading it into llama.cpp, so a damaged file can be judged before it can abort the engine.
 * Only the header is read (a few MB, about 150 ms for a 152k-token vocabulary).
 */
export async function inspectGguf(path: string): Promise<GgufInspection> {
  let fileSize: number
  try {
    const file = await stat(path)
    if (!file.isFile()) return failed({ kind: 'not-a-file', detail: 'a folder or device' })
    fileSize = file.size
  } catch (error) {
    return failed({ kind: 'not-found', detail: (error as NodeJS.ErrnoException).code ?? 'ENOENT' })
  }

  let window = Math.min(fileSize, FIRST_WINDOW)
  for (;;) {
    const walk = walkGgufHeader(await readPrefix(path, window), fileSize)
    if (walk.status === 'problem') return failed(walk.problem)
    if (walk.status === 'ok') break
    if (walk.bytes > MAX_WINDOW)
      return failed({ kind: 'header-damaged', detail: `a header over ${MAX_WINDOW} bytes` })
    window = Math.min(fileSize, Math.max(walk.bytes, window * 4), MAX_WINDOW)
  }

  let info: Awaited<ReturnType<typeof readGgufFileInfo>>
  try {
    info = await readGgufFileInfo(path, {
      sourceType: 'filesystem',
      logWarnings: false,
      spliceSplitFiles: false,
      // Merges are not needed; the token list is (duplicates abort llama.cpp).
      ignoreKeys: ['tokenizer.ggml.merges'],
      signal: AbortSignal.timeout(READ_TIMEOUT_MS),
    })
  } catch (error) {
    return failed({
      kind: 'header-damaged',
      // The reader's message may quote the file's bytes.
      detail: printable(error instanceof Error ? error.message : String(error), { maxLength: 300 }),
    })
  }

  const metadata: Record<string, MetadataValue> = {}
  const arrayLengths: Record<string, number> = {}
  flatten(info.metadata, '', metadata, arrayLengths)
  delete metadata['tokenizer.ggml.tokens']
  const rawTokens: unknown = (info.metadata as { tokenizer?: { ggml?: { tokens?: unknown } } })
    .tokenizer?.ggml?.tokens
  const tokens = Array.isArray(rawTokens) ? rawTokens.map(String) : null

  const tensors: TensorFacts[] = (info.tensorInfo ?? []).map((tensor) => ({
    name: tensor.name,
    ggmlType: tensor.ggmlType,
    dimensions: tensor.dimensions,
    fileOffset: tensor.fileOffset,
  }))

  return {
    ok: true,
    facts: {
      path,
      fileSizeBytes: fileSize,
      version: info.version,
      metadata,
      arrayLengths,
      tokens,
      fileTypeName: fileTypeName(metadata['general.file_type']),
      tensors,
      dataOffset: info.infoEndOffset ?? 0,
    },
  }
}
