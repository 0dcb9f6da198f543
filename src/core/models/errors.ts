import { QuireError, type ErrorCode } from '@shared/contract'

/** Codes for model problems: a file that is not a usable model, and a download that failed. */
export const MODEL_INVALID: ErrorCode = 'model-invalid'
export const DOWNLOAD_FAILED: ErrorCode = 'download-failed'

/** A file that is not a usable model: names the file, says why, and the technical key. */
export function modelInvalid(fileName: string, problem: string, key: string): QuireError {
  return new QuireError(MODEL_INVALID, `${fileName} ${problem} (${key}).`)
}
