import { QuireError, type ErrorCode } from '@shared/contract'

/**
 * Codes for model problems. The contract has no 'model-invalid' or 'download-failed' yet, so
 * both map onto 'model-load-failed'; when they are added, change these two lines.
 */
export const MODEL_INVALID: ErrorCode = 'model-load-failed'
export const DOWNLOAD_FAILED: ErrorCode = 'model-load-failed'

/** A file that is not a usable model: names the file, says why, and the technical key. */
export function modelInvalid(fileName: string, problem: string, key: string): QuireError {
  return new QuireError(MODEL_INVALID, `${fileName} ${problem} (${key}).`)
}
