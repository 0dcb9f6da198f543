/** A metadata value as GGUF stores it; integers above 2^53 stay bigint. */
export type MetadataValue = string | number | bigint | boolean | readonly MetadataValue[]

/** Where one tensor lives in the file and what it holds. */
export type TensorFacts = {
  name: string
  ggmlType: number
  dimensions: readonly (number | bigint)[]
  /** Byte offset of the tensor's data from the start of the file. */
  fileOffset: number | bigint
}

/**
 * What a GGUF file's header says, read without loading the model: the plain facts the sanity
 * checks in src/core/models judge, free of node-llama-cpp types.
 */
export type GgufFacts = {
  path: string
  fileSizeBytes: number
  version: number
  /** Flat keys ("qwen3.block_count"); arrays longer than {@link MAX_KEPT_ARRAY} are left out. */
  metadata: Readonly<Record<string, MetadataValue>>
  /** The length of every array in the metadata, kept ones and left-out ones alike. */
  arrayLengths: Readonly<Record<string, number>>
  /** `tokenizer.ggml.tokens`, or null when the file has none. */
  tokens: readonly string[] | null
  /** `general.file_type` by name ("Q4_K_M"), or null when absent or unknown. */
  fileTypeName: string | null
  tensors: readonly TensorFacts[]
  /** Where the tensor data section starts (the end of the header plus alignment). */
  dataOffset: number
}

/** Arrays longer than this are not copied into {@link GgufFacts.metadata}. */
export const MAX_KEPT_ARRAY = 4096

/** Why a file could not be read as GGUF at all. */
export type GgufReadProblemKind =
  'not-found' | 'not-a-file' | 'empty' | 'not-gguf' | 'old-format' | 'header-cut' | 'header-damaged'

export type GgufReadProblem = { kind: GgufReadProblemKind; detail: string }

export type GgufInspection =
  { ok: true; facts: GgufFacts } | { ok: false; problem: GgufReadProblem }
