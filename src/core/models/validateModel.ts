import { basename } from 'node:path'
import { QuireError } from '@shared/contract'
import { printable } from '@shared/text/printable'
import { inspectGguf } from '../engine/gguf/inspectGguf'
import { modelInvalid } from './errors'
import { judgeModel } from './judgeModel'
import { PROBLEM_PHRASES, readProblemToModelProblem, type ModelProblem } from './sanityChecks'
import type { ModelSummary } from './schemas'

/** The error for a problem, naming the file: "x.gguf is damaged: … (key)." */
export function problemError(path: string, problem: ModelProblem): QuireError {
  return modelInvalid(
    basename(path),
    `${PROBLEM_PHRASES[problem.kind]}: ${problem.what}`,
    problem.key,
    problem.kind,
    problem.what,
  )
}

/**
 * Checks a model file before llama.cpp ever sees it — header, vocabulary, shapes, and that the
 * data is all there — and summarises it. Throws a QuireError a writer can act on otherwise.
 */
export async function validateModel(path: string): Promise<ModelSummary> {
  const inspection = await inspectGguf(path)
  if (!inspection.ok) {
    const { kind } = inspection.problem
    if (kind === 'not-found')
      throw new QuireError(
        'model-not-found',
        `Cannot open ${printable(path)}: the file does not exist or cannot be read.`,
        'model-cannot-open',
        { path: printable(path) },
      )
    if (kind === 'not-a-file')
      throw new QuireError(
        'model-not-found',
        `${printable(path)} is a folder, not a model file.`,
        'model-is-folder',
        { path: printable(path) },
      )
    throw problemError(path, readProblemToModelProblem(inspection.problem))
  }
  const verdict = judgeModel(inspection.facts)
  if (!verdict.ok) throw problemError(path, verdict.problem)
  return verdict.summary
}
