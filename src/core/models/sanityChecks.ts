import type { GgufFacts, GgufReadProblem, MetadataValue } from '../engine/gguf/ggufFacts'
import { ggmlTypeInfo } from '../engine/gguf/ggmlTypes'
import { nonWritingKind, SUPPORTED_ARCHITECTURES, SUPPORTED_FAMILIES } from './architectures'
import { printable } from '@shared/text/printable'
import { formatBytes } from './format'

export type ModelProblemKind =
  'damaged' | 'incomplete' | 'unsupported' | 'not-gguf' | 'not-a-model' | 'adapter'

/** What is wrong with a file: `what` in a writer's words, `key` the technical detail. */
export type ModelProblem = { kind: ModelProblemKind; what: string; key: string }

/** The most characters of a message quoted from a file. */
const QUOTE_LIMIT = 300

/** The most layers a real model has is in the low hundreds; more is a damaged header. */
export const MAX_LAYERS = 1000

/** Facts the checks work out from the tensors, reused by the summary. */
export type TensorLayout = { parameterCount: number; dataEnd: number; dominantType: string | null }

/** A problem; its words quote the file (names, keys, values), so they are made printable. */
const problem = (kind: ModelProblemKind, what: string, key: string): ModelProblem => ({
  kind,
  what: printable(what, { maxLength: QUOTE_LIMIT }),
  key: printable(key, { maxLength: QUOTE_LIMIT }),
})

const asNumber = (value: MetadataValue | undefined): number | null =>
  typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : null

/** A hyperparameter that may be one number or one per layer. */
const perLayer = (value: MetadataValue | undefined): number[] | null => {
  const single = asNumber(value)
  if (single !== null) return [single]
  if (!Array.isArray(value)) return null
  const numbers = value.map((item) => asNumber(item))
  return numbers.every((item) => item !== null) ? (numbers as number[]) : null
}

/** The phrase that follows the file name in a message, by kind of problem. */
export const PROBLEM_PHRASES: Readonly<Record<ModelProblemKind, string>> = {
  damaged: 'is damaged',
  incomplete: 'is incomplete',
  unsupported: 'cannot be used by Quire',
  'not-gguf': 'is not a model file',
  'not-a-model': 'is not a model Quire can write with',
  adapter: 'is a LoRA style adapter, not a model',
}

/** Turns a reading failure (other than a missing file) into a problem a writer can act on. */
export function readProblemToModelProblem(read: GgufReadProblem): ModelProblem {
  switch (read.kind) {
    case 'empty':
      return problem('incomplete', 'the file is empty', read.detail)
    case 'not-gguf':
      return problem(
        'not-gguf',
        'Quire runs GGUF model files, which start with the letters "GGUF"',
        `magic: ${read.detail}`,
      )
    case 'old-format':
      return problem(
        'unsupported',
        'it uses an old GGUF version that llama.cpp no longer reads; download a newer copy',
        read.detail,
      )
    case 'header-cut':
      return problem(
        'incomplete',
        'the file ends inside its header, so the download or copy was cut off',
        read.detail,
      )
    case 'header-damaged':
    case 'not-found':
    case 'not-a-file':
      return problem('damaged', 'its header cannot be read', read.detail)
  }
}

/** Checks the tensor list: known storage types, whole blocks, and data that fits in the file. */
export function checkTensors(facts: GgufFacts): ModelProblem | TensorLayout {
  if (facts.tensors.length === 0)
    return problem('damaged', 'it holds no model weights', 'tensor count = 0')
  let parameterCount = 0
  let dataEnd = facts.dataOffset
  const bytesByType = new Map<string, number>()
  for (const tensor of facts.tensors) {
    const type = ggmlTypeInfo(tensor.ggmlType)
    const key = `tensor ${tensor.name}: ${type.name}`
    if (!type.known)
      return type.removed
        ? problem(
            'unsupported',
            'it stores its weights in an old format llama.cpp no longer reads; download a newer copy',
            key,
          )
        : problem('unsupported', 'it stores its weights in a format this Quire does not know', key)
    const dims = tensor.dimensions.map(Number)
    if (
      dims.some((dim) => !Number.isSafeInteger(dim) || dim < 0) ||
      typeof tensor.fileOffset === 'bigint'
    )
      return problem('damaged', 'its list of weights holds impossible sizes', key)
    const elements = dims.reduce((product, dim) => product * dim, 1)
    if ((dims[0] ?? 0) % type.blockSize !== 0)
      return problem(
        'damaged',
        'its weights do not fit their storage format',
        `${key}, rows of ${dims[0]} in blocks of ${type.blockSize}`,
      )
    const bytes = (elements / type.blockSize) * type.typeSize
    parameterCount += elements
    bytesByType.set(type.name, (bytesByType.get(type.name) ?? 0) + bytes)
    dataEnd = Math.max(dataEnd, tensor.fileOffset + bytes)
  }
  if (dataEnd > facts.fileSizeBytes)
    return problem(
      'incomplete',
      `the file ends early — only ${formatBytes(facts.fileSizeBytes)} of ${formatBytes(dataEnd)} are there, so the download or copy was probably cut off`,
      `tensor data ends at byte ${dataEnd}, the file has ${facts.fileSizeBytes}`,
    )
  const dominantType = [...bytesByType].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null
  return { parameterCount, dataEnd, dominantType }
}

/** Checks the shape numbers that llama.cpp asserts on (a bad one aborts the whole process). */
export function checkHyperparameters(facts: GgufFacts, arch: string): ModelProblem | null {
  const m = facts.metadata
  const key = (name: string) => `${arch}.${name}`

  const layers = asNumber(m[key('block_count')])
  if (layers === null)
    return problem(
      'damaged',
      'it does not say how many layers the model has',
      `${key('block_count')} missing`,
    )
  if (layers <= 0)
    return problem(
      'damaged',
      'it says the model has no layers',
      `${key('block_count')} = ${layers}`,
    )
  if (layers > MAX_LAYERS)
    return problem(
      'damaged',
      `it claims ${layers} layers, far more than any real model`,
      `${key('block_count')} = ${layers}`,
    )

  const context = asNumber(m[key('context_length')])
  if (context === null || context <= 0)
    return problem(
      'damaged',
      'it does not say how much text the model can read',
      context === null
        ? `${key('context_length')} missing`
        : `${key('context_length')} = ${context}`,
    )

  const embedding = asNumber(m[key('embedding_length')])
  if (embedding === null || embedding <= 0)
    return problem(
      'damaged',
      'its layer width is missing or zero',
      embedding === null
        ? `${key('embedding_length')} missing`
        : `${key('embedding_length')} = ${embedding}`,
    )

  const heads = perLayer(m[key('attention.head_count')])
  if (heads === null)
    return problem(
      'damaged',
      'its attention settings are missing',
      `${key('attention.head_count')} missing`,
    )
  const kvHeads = perLayer(m[key('attention.head_count_kv')]) ?? heads
  for (let layer = 0; layer < Math.max(heads.length, kvHeads.length); layer++) {
    const h = heads[Math.min(layer, heads.length - 1)] ?? 0
    const kv = kvHeads[Math.min(layer, kvHeads.length - 1)] ?? 0
    if (h <= 0)
      return problem(
        'damaged',
        'it says the model has zero attention heads',
        `${key('attention.head_count')} = ${h}`,
      )
    if (kv <= 0)
      return problem(
        'damaged',
        'it says the model has zero key/value heads',
        `${key('attention.head_count_kv')} = ${kv}`,
      )
    if (h % kv !== 0)
      return problem(
        'damaged',
        `its attention settings do not fit together: ${h} heads cannot be split evenly into ${kv} key/value groups`,
        `${key('attention.head_count')} = ${h}, ${key('attention.head_count_kv')} = ${kv}`,
      )
  }
  const headWidth = asNumber(m[key('attention.key_length')])
  // Zero-sized dimensions and a non-finite epsilon abort llama.cpp natively when it builds the graph.
  for (const [name, what] of [
    ['feed_forward_length', 'its feed-forward width is zero'],
    ['attention.key_length', 'its attention key width is zero'],
    ['attention.value_length', 'its attention value width is zero'],
  ] as const) {
    const widths = perLayer(m[key(name)])
    if (widths && widths.some((width) => width <= 0))
      return problem('damaged', what, `${key(name)} = 0`)
  }
  for (const name of [
    'attention.layer_norm_rms_epsilon',
    'attention.layer_norm_epsilon',
    'rope.freq_base',
  ]) {
    const value = m[key(name)]
    if (typeof value === 'number' && !(Number.isFinite(value) && value > 0))
      return problem(
        'damaged',
        'one of its numeric settings is not a positive number',
        `${key(name)} = ${value}`,
      )
  }
  const firstHeads = heads[0] ?? 1
  if (headWidth === null && embedding % firstHeads !== 0)
    return problem(
      'damaged',
      'its attention settings do not fit together: the layer width does not split evenly into heads',
      `${key('embedding_length')} = ${embedding}, ${key('attention.head_count')} = ${firstHeads}`,
    )

  const experts = asNumber(m[key('expert_count')]) ?? 0
  const expertsUsed = asNumber(m[key('expert_used_count')]) ?? 0
  if (experts > 0 && (expertsUsed <= 0 || expertsUsed > experts))
    return problem(
      'damaged',
      'its mixture-of-experts settings are impossible',
      `${key('expert_count')} = ${experts}, ${key('expert_used_count')} = ${expertsUsed}`,
    )
  return null
}

/** Checks the vocabulary: present, consistent, and without two ids for one string. */
export function checkVocabulary(facts: GgufFacts): ModelProblem | null {
  const tokens = facts.tokens
  if (tokens === null || tokens.length === 0)
    return problem(
      'damaged',
      'it has no vocabulary (the list of words it reads and writes)',
      'tokenizer.ggml.tokens missing',
    )
  for (const companion of ['tokenizer.ggml.token_type', 'tokenizer.ggml.scores']) {
    const length = facts.arrayLengths[companion]
    if (length !== undefined && length !== tokens.length)
      return problem(
        'damaged',
        'its vocabulary is inconsistent',
        `${companion} has ${length} entries, tokenizer.ggml.tokens has ${tokens.length}`,
      )
  }
  const seen = new Map<string, number>()
  for (let id = 0; id < tokens.length; id++) {
    const token = tokens[id] ?? ''
    const first = seen.get(token)
    if (first !== undefined) {
      const shown = token.length > 24 ? `${token.slice(0, 24)}…` : token
      return problem(
        'damaged',
        `its vocabulary lists ${JSON.stringify(shown)} twice`,
        `tokenizer.ggml.tokens ids ${first} and ${id}`,
      )
    }
    seen.set(token, id)
  }
  return null
}

/** Checks what kind of file this is: a model of a family Quire runs, not an adapter or encoder. */
export function checkKind(facts: GgufFacts): ModelProblem | string {
  const m = facts.metadata
  const type = m['general.type']
  if (type === 'adapter' || m['adapter.type'] !== undefined)
    return problem(
      'adapter',
      'choose it as a style adapter instead',
      `general.type = ${String(type ?? 'adapter')}`,
    )
  const part = m['split.no']
  if (typeof part === 'number' && part > 0)
    return problem(
      'not-a-model',
      `it is part ${part + 1} of a model split into ${String(m['split.count'] ?? 'several')} files; choose the first part`,
      `split.no = ${part}`,
    )
  const arch = m['general.architecture']
  if (typeof arch !== 'string' || arch === '')
    return problem(
      'damaged',
      'it does not say what kind of model it is',
      'general.architecture missing',
    )
  const other = nonWritingKind(arch)
  if (other) return problem('not-a-model', `it is ${other}`, `general.architecture = ${arch}`)
  if (type !== undefined && type !== 'model')
    return problem(
      'not-a-model',
      `it is a "${String(type)}" file, not a model`,
      `general.type = ${String(type)}`,
    )
  if (!SUPPORTED_ARCHITECTURES[arch])
    return problem(
      'unsupported',
      `"${arch}" models are not supported; Quire runs ${SUPPORTED_FAMILIES.slice(0, -1).join(', ')} and ${SUPPORTED_FAMILIES.at(-1)} models`,
      `general.architecture = ${arch}`,
    )
  return arch
}
