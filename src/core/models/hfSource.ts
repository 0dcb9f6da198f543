/** Hugging Face, unless HF_ENDPOINT or MODEL_ENDPOINT name a mirror (as llama.cpp reads them). */
export function defaultEndpoint(env: NodeJS.ProcessEnv = process.env): string {
  return normalizeEndpoint(env.MODEL_ENDPOINT ?? env.HF_ENDPOINT ?? '') ?? 'https://huggingface.co/'
}

/** "hf-mirror.com" → "https://hf-mirror.com/"; null when it is not an http(s) address. */
export function normalizeEndpoint(input: string): string | null {
  const text = input.trim()
  if (!text) return null
  const withScheme = /^[a-z]+:\/\//i.test(text) ? text : `https://${text}`
  if (!URL.canParse(withScheme)) return null
  const url = new URL(withScheme)
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
  url.search = ''
  url.hash = ''
  return url.href.endsWith('/') ? url.href : `${url.href}/`
}

/** Where to download a model from. */
export type ResolvedSource = {
  /** What to hand the downloader: an http(s) URL, or an `hf:` URI it resolves itself. */
  download: string
  /** A URL to check before downloading, when known without asking Hugging Face's API. */
  url: string | null
  /** The file name the source gives, when known. */
  fileName: string | null
}

const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/')

/** The last path segment, made safe as a file name. */
function fileNameOf(path: string): string | null {
  const last = decodeURIComponent(path.split('/').filter(Boolean).at(-1) ?? '')
  const safe = last.replace(/[^A-Za-z0-9._-]/g, '_')
  return safe && safe !== '.' && safe !== '..' ? safe : null
}

/**
 * Resolves `https://…`, `hf:user/repo/file.gguf[#revision]` (to a URL on `endpoint`, so a
 * mirror such as hf-mirror.com serves it) and `hf:user/repo:QUANT` (left to node-llama-cpp,
 * which asks the endpoint's API which file that is). Null for anything else.
 */
export function resolveSource(uri: string, endpoint: string): ResolvedSource | null {
  if (/^https?:\/\//i.test(uri)) {
    if (!URL.canParse(uri)) return null
    return { download: uri, url: uri, fileName: fileNameOf(new URL(uri).pathname) }
  }
  const hf = /^hf:([^/:#\s]+)\/([^/:#\s]+)(?:\/([^#\s]+))?(?:#(\S+))?$/.exec(uri)
  if (hf?.[3]) {
    const [, user = '', repo = '', path = '', revision] = hf
    const url = `${endpoint}${encodeURIComponent(user)}/${encodeURIComponent(repo)}/resolve/${encodeURIComponent(revision ?? 'main')}/${encodePath(path)}`
    return { download: url, url, fileName: fileNameOf(path) }
  }
  if (/^hf:[^/:#\s]+\/[^/:#\s]+(:[^/#\s]+)?$/.test(uri))
    return { download: uri, url: null, fileName: null }
  return null
}
