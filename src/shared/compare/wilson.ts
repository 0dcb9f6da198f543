/** A proportion's confidence interval, both ends in [0, 1]. */
export type Interval = { low: number; high: number }

/** z for a two-sided 95% interval. */
export const Z_95 = 1.959963984540054

/**
 * The Wilson score interval for `successes` out of `trials` (95% by default). Unlike the
 * normal approximation it stays inside [0, 1] and is honest for small counts; with no trials it
 * is the whole range.
 */
export function wilsonInterval(successes: number, trials: number, z = Z_95): Interval {
  if (trials <= 0) return { low: 0, high: 1 }
  if (successes < 0 || successes > trials) throw new RangeError('successes must be in 0..trials')
  const p = successes / trials
  const z2 = z * z
  const centre = p + z2 / (2 * trials)
  const margin = z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))
  const denominator = 1 + z2 / trials
  return {
    low: Math.max(0, (centre - margin) / denominator),
    high: Math.min(1, (centre + margin) / denominator),
  }
}
