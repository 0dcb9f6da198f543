/** Why a transfer failed, for src/core/models to explain in a writer's words. */
export type DownloadFailure =
  | { reason: 'unreachable'; host: string; detail: string }
  | { reason: 'http'; status: number; url: string }
  | { reason: 'stalled'; seconds: number; downloadedBytes: number }
  | { reason: 'disk-full'; path: string }
  | { reason: 'failed'; detail: string }

/** A failed transfer; `failure` says why. */
export class DownloadError extends Error {
  constructor(readonly failure: DownloadFailure) {
    super(`download failed: ${JSON.stringify(failure)}`)
    this.name = 'DownloadError'
  }
}
