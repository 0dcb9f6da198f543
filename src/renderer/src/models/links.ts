/**
 * The file name a link downloads to, as the host derives it: the last path segment with
 * anything unusual replaced (when that name is taken, see `isLinkFile`). Lets the panel match
 * a paused link download to its list entry.
 */
export function linkFileName(link: string): string | null {
  const hf = link.startsWith('hf:')
  const path = hf ? link.slice(3).split('#')[0] : URL.canParse(link) ? new URL(link).pathname : null
  const parts = path?.split('/').filter(Boolean) ?? []
  // `hf:user/repo:QUANT` names no file: the host asks Hugging Face which one it is.
  if (parts.length === 0 || (hf && parts.length < 3)) return null
  let last = parts.at(-1) ?? ''
  try {
    last = decodeURIComponent(last)
  } catch {
    return null
  }
  const safe = last.replace(/[^A-Za-z0-9._-]/g, '_')
  return safe && safe !== '.' && safe !== '..' ? safe : null
}

/**
 * Whether `fileName` is where a link downloads to: its own name, or `name-2.gguf`,
 * `name-3.gguf`… which the host picks when a finished file already has that name.
 */
export function isLinkFile(link: string, fileName: string): boolean {
  const name = linkFileName(link)
  if (name === null) return false
  if (fileName === name) return true
  const dot = name.lastIndexOf('.')
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, '']
  if (!fileName.startsWith(`${stem}-`) || !fileName.endsWith(extension)) return false
  return /^[2-9]\d*$|^[1-9]\d+$/.test(
    fileName.slice(stem.length + 1, fileName.length - extension.length),
  )
}
