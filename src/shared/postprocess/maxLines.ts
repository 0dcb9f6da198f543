import { CJK } from './chars'
import type { Step } from './stepTypes'

/** 《秋夜》 alone on its line. */
const BOOK_TITLE = /^《[^《》]+》$/u
/** A short line in bold or as a markdown heading: **秋夜**, # Autumn Night. */
const MARKED_TITLE = /^(?:\*\*[^*\n]{1,40}\*\*|#{1,6}[ \t]+\S.{0,39})$/u
/** Up to 12 CJK characters and no punctuation: a title when a blank line follows it. */
const BARE_TITLE = new RegExp(`^[${CJK}]{1,12}$`, 'u')

/**
 * Is the first non-empty line (at `index`) a title rather than a line of verse? 《…》 alone on
 * its line, a short **bold** line or `#` heading, or a line of at most 12 CJK characters without
 * punctuation followed by a blank line.
 */
function isTitleLine(lines: readonly string[], index: number): boolean {
  const line = (lines[index] ?? '').trim()
  if (BOOK_TITLE.test(line) || MARKED_TITLE.test(line)) return true
  const next = lines[index + 1]
  return BARE_TITLE.test(line) && next !== undefined && next.trim() === ''
}

/**
 * Keeps the first `limit` non-empty lines (blank lines between them stay: stanza breaks). A
 * leading title line (see `isTitleLine`) is kept and does not count, so a four-line poem under
 * its title keeps all four lines at a limit of 4. A one-line stanza that looks like a title
 * (few CJK characters, a blank line after) is taken for one: keeping a line too many is the
 * lesser harm.
 */
export function maxLinesText(text: string, limit: number): { text: string; truncated: boolean } {
  const lines = text.split('\n')
  const first = lines.findIndex((line) => line.trim() !== '')
  let seen = 0
  for (let i = 0; i < lines.length; i++) {
    if ((lines[i] ?? '').trim() === '') continue
    if (i === first && isTitleLine(lines, i)) continue
    seen++
    if (seen === limit) {
      const rest = lines.slice(i + 1)
      if (rest.every((line) => line.trim() === '')) break
      return { text: lines.slice(0, i + 1).join('\n'), truncated: true }
    }
  }
  return { text, truncated: false }
}

export const maxLines: Step<'max-lines'> = (text, call) => maxLinesText(text, call.limit)
