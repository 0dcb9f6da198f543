import { basename } from 'node:path'
import { printable } from '@shared/text/printable'
import type { GgufFacts } from '../engine/gguf/ggufFacts'
import { SUPPORTED_ARCHITECTURES } from './architectures'
import {
  checkHyperparameters,
  checkKind,
  checkTensors,
  checkVocabulary,
  type ModelProblem,
} from './sanityChecks'
import type { ModelSummary } from './schemas'

export type ModelVerdict =
  { ok: true; summary: ModelSummary } | { ok: false; problem: ModelProblem }

/**
 * Judges a GGUF header: the first problem found, or a summary of the model. Order matters for
 * the message: what kind of file it is first, then whether it is complete, then its numbers.
 */
export function judgeModel(facts: GgufFacts): ModelVerdict {
  const arch = checkKind(facts)
  if (typeof arch !== 'string') return { ok: false, problem: arch }
  const layout = checkTensors(facts)
  if ('kind' in layout) return { ok: false, problem: layout }
  const problem = checkHyperparameters(facts, arch) ?? checkVocabulary(facts)
  if (problem) return { ok: false, problem }

  const m = facts.metadata
  // Names and labels come from the file; they are shown in the app and printed by the CLI.
  const fileName = printable(basename(facts.path))
  const name = m['general.name']
  const sizeLabel = m['general.size_label']
  const shown = (text: string) => printable(text, { maxLength: 200 })
  return {
    ok: true,
    summary: {
      path: facts.path,
      fileName,
      name: typeof name === 'string' && name.trim() ? shown(name.trim()) : fileName,
      architecture: arch,
      family: SUPPORTED_ARCHITECTURES[arch] ?? arch,
      parameterCount: layout.parameterCount,
      sizeLabel: typeof sizeLabel === 'string' && sizeLabel ? shown(sizeLabel) : null,
      quantization: facts.fileTypeName ?? layout.dominantType,
      contextLength: Number(m[`${arch}.context_length`]),
      layers: Number(m[`${arch}.block_count`]),
      vocabularySize: facts.tokens?.length ?? 0,
      sizeBytes: facts.fileSizeBytes,
    },
  }
}
