const backendNames: Record<string, string> = {
  cpu: 'CPU',
  cuda: 'CUDA',
  vulkan: 'Vulkan',
  metal: 'Metal',
}

/** A llama.cpp backend id as it is usually written ("cuda" → "CUDA"). */
export const backendName = (backend: string): string =>
  backendNames[backend.toLowerCase()] ?? backend

/** Bytes as GB (or MB below one GB), in the interface language's number format. */
export function formatBytes(bytes: number, language: string): string {
  const gigabytes = bytes / 1024 ** 3
  const [value, unit] = gigabytes >= 1 ? [gigabytes, 'gigabyte'] : [bytes / 1024 ** 2, 'megabyte']
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(value)
}
