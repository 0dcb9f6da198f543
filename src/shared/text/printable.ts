/**
 * True for characters that change a terminal or the reading order instead of showing: C0 and C1
 * controls, DEL, line and paragraph separators, and the bidirectional marks, overrides and
 * isolates.
 */
function unprintable(code: number, keepLineBreaks: boolean): boolean {
  if (keepLineBreaks && (code === 0x0a || code === 0x09)) return false
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  )
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff
const escape = (code: number): string =>
  code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`

/**
 * Text read from a file, made safe to quote in a message or print to a terminal: every control
 * character (and any lone surrogate) is written as a visible escape such as `\x1b`, and text
 * longer than `maxLength` is cut with "…". A crafted GGUF key name could otherwise retitle the
 * terminal or clear the screen.
 */
export function printable(
  text: string,
  options: { maxLength?: number; keepLineBreaks?: boolean } = {},
): string {
  const { maxLength = Infinity, keepLineBreaks = false } = options
  const cut = text.length > maxLength ? text.slice(0, maxLength) : text
  let result = ''
  for (let i = 0; i < cut.length; i++) {
    const code = cut.charCodeAt(i)
    if (isHigh(code) && isLow(cut.charCodeAt(i + 1))) {
      result += cut.slice(i, i + 2)
      i++
    } else if (isHigh(code) || isLow(code) || unprintable(code, keepLineBreaks)) {
      result += escape(code)
    } else {
      result += cut[i]
    }
  }
  return cut === text ? result : `${result}…`
}
