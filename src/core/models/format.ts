const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'] as const

/** A size as people read it: "637 KB", "2.5 GB" (decimal units, as download sites use). */
export function formatBytes(bytes: number): string {
  let value = Math.max(0, bytes)
  let unit = 0
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000
    unit++
  }
  if (unit === 0) return `${Math.round(value)} bytes`
  const text = value < 100 ? value.toFixed(1).replace(/\.0$/, '') : Math.round(value).toString()
  return `${text} ${UNITS[unit]}`
}

/** A duration as people read it: "45 s", "3 min 20 s", "1 h 5 min". */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds))
  if (total < 60) return `${total} s`
  const minutes = Math.floor(total / 60)
  if (minutes < 60) return total % 60 ? `${minutes} min ${total % 60} s` : `${minutes} min`
  const hours = Math.floor(minutes / 60)
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`
}

/** A parameter count as model names say it: "4.0B", "1.7B", "154K". */
export function formatParameterCount(count: number): string {
  if (count >= 1e9) return `${(count / 1e9).toFixed(1)}B`
  if (count >= 1e6) return `${(count / 1e6).toFixed(1)}M`
  if (count >= 1e3) return `${Math.round(count / 1e3)}K`
  return String(count)
}
