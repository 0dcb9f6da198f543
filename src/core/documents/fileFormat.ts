import { createHash } from 'node:crypto'
import iconv from 'iconv-lite'

/** How a file's text is stored, so Quire writes it back the way it found it. */
export type FileFormat = {
  encoding: 'utf8' | 'utf16le' | 'utf16be' | 'gb18030'
  bom: boolean
  /** `\r` alone is how classic Mac OS (and some old editors) ended lines. */
  eol: '\n' | '\r\n' | '\r'
}

/** A new document: UTF-8 without a BOM and `\n` line endings, as Obsidian and iA Writer write. */
export const NEW_FILE_FORMAT: FileFormat = { encoding: 'utf8', bom: false, eol: '\n' }

export type DecodedFile = { text: string; format: FileFormat; revision: string }

/** A short content hash of the bytes on disk: what every write names as its base. */
export function revisionOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url').slice(0, 22)
}

const UTF8_BOM = [0xef, 0xbb, 0xbf]
const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  prefix.every((byte, i) => bytes[i] === byte)

/** Majority line ending (a tie goes to `\n`, then `\r\n`); a file with none gets `\n`. */
function lineEnding(raw: string): FileFormat['eol'] {
  let crlf = 0
  let cr = 0
  let newlines = 0
  for (let at = raw.indexOf('\r'); at !== -1; at = raw.indexOf('\r', at + 1)) {
    if (raw.charCodeAt(at + 1) === 10) crlf++
    else cr++
  }
  for (let at = raw.indexOf('\n'); at !== -1; at = raw.indexOf('\n', at + 1)) newlines++
  const lf = newlines - crlf
  if (lf >= crlf && lf >= cr) return '\n'
  return crlf >= cr ? '\r\n' : '\r'
}

/** Every line ending, `\r\n` or a lone `\r` (old Mac files), as `\n`. */
const toLf = (raw: string): string => (raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw)

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/**
 * Reads a file's bytes as text with `\n` line endings and no BOM, and remembers its encoding:
 * UTF-8 (with or without BOM), UTF-16 with a BOM, else GB18030 for bytes that are not UTF-8
 * (legacy Chinese .txt files).
 */
export function decodeFile(bytes: Uint8Array): DecodedFile {
  let raw: string
  let encoding: FileFormat['encoding']
  let bom = false
  if (startsWith(bytes, UTF8_BOM)) {
    encoding = 'utf8'
    bom = true
    raw = strictUtf8Safe(bytes.subarray(3)) ?? iconv.decode(Buffer.from(bytes.subarray(3)), 'utf8')
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    encoding = 'utf16le'
    bom = true
    raw = iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16le')
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    encoding = 'utf16be'
    bom = true
    raw = iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16-be')
  } else {
    const utf8 = strictUtf8Safe(bytes)
    encoding = utf8 === null ? 'gb18030' : 'utf8'
    raw = utf8 ?? iconv.decode(Buffer.from(bytes), 'gb18030')
  }
  return {
    text: toLf(raw),
    format: { encoding, bom, eol: lineEnding(raw) },
    revision: revisionOf(bytes),
  }
}

function strictUtf8Safe(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes)
  } catch {
    return null
  }
}

/** The bytes of `text` in a file's own encoding, BOM and line endings. */
export function encodeFile(text: string, format: FileFormat): Buffer {
  const raw = format.eol === '\n' ? text : text.replaceAll('\n', format.eol)
  switch (format.encoding) {
    case 'utf8':
      return Buffer.concat([Buffer.from(format.bom ? UTF8_BOM : []), Buffer.from(raw, 'utf8')])
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(raw, 'utf16le')])
    case 'utf16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(raw, 'utf16-be')])
    case 'gb18030':
      return iconv.encode(raw, 'gb18030')
    default:
      return format.encoding satisfies never
  }
}

/** Text from a client, as the host stores it: `\n` line endings, no BOM. */
export function normalizeText(text: string): string {
  const noBom = text.startsWith('\ufeff') ? text.slice(1) : text
  return toLf(noBom)
}
