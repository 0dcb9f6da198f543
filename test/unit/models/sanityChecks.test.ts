import { describe, expect, it } from 'vitest'
import type { GgufFacts, MetadataValue } from '@core/engine/gguf/ggufFacts'
import { judgeModel } from '@core/models/judgeModel'
import type { ModelProblemKind } from '@core/models/sanityChecks'

const Q4_K = 12

/** A healthy little Qwen3 header; `metadata` entries set to undefined are removed. */
function facts(
  metadata: Record<string, MetadataValue | undefined> = {},
  rest: Partial<GgufFacts> = {},
): GgufFacts {
  const merged: Record<string, MetadataValue | undefined> = {
    'general.architecture': 'qwen3',
    'general.type': 'model',
    'general.name': 'Little Qwen',
    'qwen3.block_count': 2,
    'qwen3.context_length': 4096,
    'qwen3.embedding_length': 64,
    'qwen3.attention.head_count': 4,
    'qwen3.attention.head_count_kv': 2,
    ...metadata,
  }
  return {
    path: '/models/little.gguf',
    fileSizeBytes: 10_000,
    version: 3,
    metadata: Object.fromEntries(
      Object.entries(merged).filter(
        (entry): entry is [string, MetadataValue] => entry[1] !== undefined,
      ),
    ),
    arrayLengths: { 'tokenizer.ggml.token_type': 3 },
    tokens: ['a', 'b', 'c'],
    fileTypeName: 'Q4_K_M',
    // 256 × 4 values in Q4_K: 4 blocks of 144 bytes, ending at 1024 + 576 = 1600.
    tensors: [
      { name: 'token_embd.weight', ggmlType: Q4_K, dimensions: [256, 4], fileOffset: 1024 },
    ],
    dataOffset: 1024,
    ...rest,
  }
}

const problemOf = (input: GgufFacts) => {
  const verdict = judgeModel(input)
  return verdict.ok ? null : verdict.problem
}

describe('model sanity checks', () => {
  it('summarises a healthy header', () => {
    expect(judgeModel(facts())).toEqual({
      ok: true,
      summary: {
        path: '/models/little.gguf',
        fileName: 'little.gguf',
        name: 'Little Qwen',
        architecture: 'qwen3',
        family: 'Qwen',
        parameterCount: 1024,
        sizeLabel: null,
        quantization: 'Q4_K_M',
        contextLength: 4096,
        layers: 2,
        vocabularySize: 3,
        sizeBytes: 10_000,
      },
    })
  })

  it('falls back to the file name and the main tensor format', () => {
    const summary = judgeModel(facts({ 'general.name': undefined }, { fileTypeName: null }))
    expect(summary).toMatchObject({
      ok: true,
      summary: { name: 'little.gguf', quantization: 'Q4_K' },
    })
  })

  it.each<[string, GgufFacts, ModelProblemKind, RegExp]>([
    ['no layers', facts({ 'qwen3.block_count': 0 }), 'damaged', /^qwen3\.block_count = 0$/],
    [
      'zero feed-forward width',
      facts({ 'qwen3.feed_forward_length': 0 }),
      'damaged',
      /^qwen3\.feed_forward_length = 0$/,
    ],
    [
      'zero key width',
      facts({ 'qwen3.attention.key_length': 0 }),
      'damaged',
      /^qwen3\.attention\.key_length = 0$/,
    ],
    [
      'a NaN epsilon',
      facts({ 'qwen3.attention.layer_norm_rms_epsilon': Number.NaN }),
      'damaged',
      /^qwen3\.attention\.layer_norm_rms_epsilon = NaN$/,
    ],
    [
      'absurd layers',
      facts({ 'qwen3.block_count': 1001 }),
      'damaged',
      /^qwen3\.block_count = 1001$/,
    ],
    [
      'unknown layers',
      facts({ 'qwen3.block_count': undefined }),
      'damaged',
      /^qwen3\.block_count missing$/,
    ],
    [
      'zero context',
      facts({ 'qwen3.context_length': 0 }),
      'damaged',
      /^qwen3\.context_length = 0$/,
    ],
    [
      'zero heads',
      facts({ 'qwen3.attention.head_count': 0 }),
      'damaged',
      /^qwen3\.attention\.head_count = 0$/,
    ],
    [
      'zero kv heads',
      facts({ 'qwen3.attention.head_count_kv': 0 }),
      'damaged',
      /head_count_kv = 0$/,
    ],
    [
      'uneven kv heads',
      facts({ 'qwen3.attention.head_count_kv': 3 }),
      'damaged',
      /head_count = 4, qwen3\.attention\.head_count_kv = 3$/,
    ],
    [
      'one layer with no heads',
      facts({ 'qwen3.attention.head_count': [4, 0] }),
      'damaged',
      /head_count = 0$/,
    ],
    [
      'one layer uneven',
      facts({ 'qwen3.attention.head_count': [8, 8], 'qwen3.attention.head_count_kv': [2, 3] }),
      'damaged',
      /head_count = 8, .*head_count_kv = 3$/,
    ],
    [
      'heads that do not split the width',
      facts({ 'qwen3.embedding_length': 66 }),
      'damaged',
      /embedding_length = 66, qwen3\.attention\.head_count = 4$/,
    ],
    [
      'experts with none used',
      facts({ 'qwen3.expert_count': 8, 'qwen3.expert_used_count': 0 }),
      'damaged',
      /expert_used_count = 0$/,
    ],
    [
      'more experts used than exist',
      facts({ 'qwen3.expert_count': 8, 'qwen3.expert_used_count': 9 }),
      'damaged',
      /expert_count = 8/,
    ],
    [
      'a repeated token',
      facts({}, { tokens: ['a', 'b', 'a'] }),
      'damaged',
      /^tokenizer\.ggml\.tokens ids 0 and 2$/,
    ],
    ['no vocabulary', facts({}, { tokens: null }), 'damaged', /^tokenizer\.ggml\.tokens missing$/],
    [
      'token types that do not match',
      facts({}, { arrayLengths: { 'tokenizer.ggml.token_type': 2 } }),
      'damaged',
      /token_type has 2 entries, tokenizer\.ggml\.tokens has 3$/,
    ],
    [
      'a LoRA adapter',
      facts({ 'general.type': 'adapter' }),
      'adapter',
      /^general\.type = adapter$/,
    ],
    [
      'an image encoder',
      facts({ 'general.architecture': 'clip' }),
      'not-a-model',
      /^general\.architecture = clip$/,
    ],
    [
      'an embedding model',
      facts({ 'general.architecture': 'nomic-bert' }),
      'not-a-model',
      /nomic-bert$/,
    ],
    [
      'a vocabulary-only file',
      facts({ 'general.type': 'vocab' }),
      'not-a-model',
      /^general\.type = vocab$/,
    ],
    [
      'an unsupported family',
      facts({ 'general.architecture': 'mamba' }),
      'unsupported',
      /^general\.architecture = mamba$/,
    ],
    [
      'the second part of a split model',
      facts({ 'split.no': 1, 'split.count': 3 }),
      'not-a-model',
      /^split\.no = 1$/,
    ],
    [
      'no architecture',
      facts({ 'general.architecture': undefined }),
      'damaged',
      /^general\.architecture missing$/,
    ],
    [
      'data past the end',
      facts({}, { fileSizeBytes: 1500 }),
      'incomplete',
      /^tensor data ends at byte 1600, the file has 1500$/,
    ],
    [
      'a removed storage type',
      facts({}, { tensors: [{ name: 'w', ggmlType: 31, dimensions: [32], fileOffset: 1024 }] }),
      'unsupported',
      /^tensor w: Q4_0_4_4$/,
    ],
    [
      'an unknown storage type',
      facts({}, { tensors: [{ name: 'w', ggmlType: 99, dimensions: [32], fileOffset: 1024 }] }),
      'unsupported',
      /^tensor w: type 99$/,
    ],
    [
      'rows that are not whole blocks',
      facts(
        {},
        { tensors: [{ name: 'w', ggmlType: Q4_K, dimensions: [100, 4], fileOffset: 1024 }] },
      ),
      'damaged',
      /rows of 100 in blocks of 256$/,
    ],
    ['no tensors', facts({}, { tensors: [] }), 'damaged', /^tensor count = 0$/],
  ])('rejects %s', (_name, input, kind, key) => {
    const problem = problemOf(input)
    expect(problem?.kind).toBe(kind)
    expect(problem?.key).toMatch(key)
  })

  it('explains problems in plain words, not only the key', () => {
    expect(problemOf(facts({ 'qwen3.block_count': 0 }))?.what).toBe(
      'it says the model has no layers',
    )
    expect(problemOf(facts({}, { fileSizeBytes: 1500 }))?.what).toBe(
      'the file ends early — only 1.5 KB of 1.6 KB are there, so the download or copy was probably cut off',
    )
    expect(problemOf(facts({ 'general.architecture': 'mamba' }))?.what).toBe(
      '"mamba" models are not supported; Quire runs Qwen, Llama, Mistral, Gemma and Phi models',
    )
  })

  it('reports what kind of file it is before whether it is complete', () => {
    const lora = facts({ 'general.type': 'adapter' }, { fileSizeBytes: 10 })
    expect(problemOf(lora)?.kind).toBe('adapter')
  })
})
