/** Speed and time left, from byte counts sampled over time. */
export type Rate = { bytesPerSecond: number; etaSeconds: number | null }

/**
 * Measures download speed over a sliding window, so the speed follows the connection as it is
 * now (not the average since the start) and bytes kept from an earlier, paused download are
 * never counted as speed.
 */
export class ProgressMeter {
  private samples: { at: number; bytes: number }[] = []

  constructor(
    private readonly windowMs = 5_000,
    /** Below this much measuring time the speed is too noisy to predict a time left. */
    private readonly minEtaMs = 1_000,
  ) {}

  /** Records `bytes` done so far at time `at` (ms) and returns the current rate. */
  update(bytes: number, totalBytes: number | null, at: number): Rate {
    this.samples.push({ at, bytes })
    // Keep one sample at or before the window's start, so the window is always fully covered.
    while (this.samples.length > 2 && (this.samples[1]?.at ?? at) <= at - this.windowMs)
      this.samples.shift()
    const first = this.samples[0] ?? { at, bytes }
    const elapsedMs = at - first.at
    const bytesPerSecond =
      elapsedMs > 0 ? Math.max(0, ((bytes - first.bytes) * 1000) / elapsedMs) : 0
    const left = totalBytes === null ? null : Math.max(0, totalBytes - bytes)
    const etaSeconds =
      left === 0
        ? 0
        : left === null || bytesPerSecond === 0 || elapsedMs < this.minEtaMs
          ? null
          : left / bytesPerSecond
    return { bytesPerSecond, etaSeconds }
  }
}
