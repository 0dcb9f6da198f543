import { QuireError, type ErrorCode } from '@shared/contract'
import { printable } from '@shared/text/printable'
import type { ModelProblemKind } from './sanityChecks'

/** Codes for model problems: a file that is not a usable model, and a download that failed. */
export const MODEL_INVALID: ErrorCode = 'model-invalid'
export const DOWNLOAD_FAILED: ErrorCode = 'download-failed'

/**
 * A file that is not a usable model: names the file, says why, and the technical key. Every
 * part may quote the file's bytes, so control characters are shown as escapes.
 */
export function modelInvalid(
  fileName: string,
  problem: string,
  key: string,
  kind: ModelProblemKind,
  what: string,
): QuireError {
  const [name = '', why = '', detail = ''] = [fileName, problem, key].map((part) =>
    printable(part, { maxLength: 300 }),
  )
  return new QuireError(MODEL_INVALID, `${name} ${why} (${detail}).`, `model-${kind}`, {
    name,
    what: printable(what, { maxLength: 300 }),
    detail,
  })
}
