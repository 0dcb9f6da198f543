import type { TFunction } from 'i18next'

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const

/** A size as download sites write it: "637 KB", "2.5 GB" (decimal units). */
export function formatBytes(bytes: number, language: string): string {
  let value = Math.max(0, bytes)
  let unit = 0
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000
    unit++
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value)
  return `${number} ${UNITS[unit] ?? ''}`
}

/** Time left in words: "45 s", "3 min", "1 h 5 min". */
export function formatDuration(seconds: number, t: TFunction): string {
  const total = Math.max(1, Math.round(seconds))
  if (total < 60) return t('models.time.seconds', { count: total })
  const minutes = Math.round(total / 60)
  if (minutes < 60) return t('models.time.minutes', { count: minutes })
  return t('models.time.hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 })
}

/** "CUDA", "Vulkan", "Metal", "CPU": the backend as its makers spell it. */
export function backendName(backend: string): string {
  const names: Record<string, string> = {
    cpu: 'CPU',
    cuda: 'CUDA',
    vulkan: 'Vulkan',
    metal: 'Metal',
  }
  return names[backend.toLowerCase()] ?? backend
}

/** The file name at the end of a path, on any system. */
export const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path
