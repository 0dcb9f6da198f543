const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
]

/**
 * "5 minutes ago", "昨天": when a document was last changed, in the interface language;
 * `justNow` under a minute.
 */
export function relativeTime(
  ms: number,
  language: string,
  justNow: string,
  now = Date.now(),
): string {
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' })
  const elapsed = ms - now
  for (const [unit, size] of UNITS) {
    if (Math.abs(elapsed) >= size) return format.format(Math.round(elapsed / size), unit)
  }
  return justNow
}
