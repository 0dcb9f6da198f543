import { basename } from 'node:path'

/** An id from a file name: "My Model-Q4_K_M.gguf" → "my-model-q4_k_m". */
export function slugFromFileName(file: string): string {
  const slug = basename(file)
    .replace(/\.gguf$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9._]+/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '')
  return slug || 'model'
}

/** `wanted`, or `wanted-2`, `wanted-3`… whichever is not taken yet. */
export function uniqueId(wanted: string, taken: ReadonlySet<string>): string {
  if (!taken.has(wanted)) return wanted
  for (let n = 2; ; n++) if (!taken.has(`${wanted}-${n}`)) return `${wanted}-${n}`
}
