import type { Language } from '../contract/schemas'
import { FULL_WIDTH_MARKS, isCjk, isLatinOrDigit } from './chars'

const isFullWidthMark = (char: string | undefined): boolean =>
  char !== undefined && FULL_WIDTH_MARKS.includes(char)
const isHalfWidthStop = (char: string | undefined): boolean =>
  char !== undefined && ',.!?;:'.includes(char)
const needsPanguSpace = (left: string | undefined, right: string | undefined): boolean =>
  (isCjk(left) && isLatinOrDigit(right)) || (isLatinOrDigit(left) && isCjk(right))

/**
 * Spacing, in one walk over the text:
 * - in Chinese sentences no space around full-width punctuation;
 * - in English sentences no space before `, . ! ? ; :` and no runs of spaces;
 * - everywhere one space between CJK characters and Latin letters or digits (Pangu style).
 * Indentation and line ends are left as they are; protected spans are not touched inside.
 *
 * Why not the `pangu` package: its main entry imports node:fs and its browser entry walks the
 * DOM, and its rules go beyond this one (spaces inside “”, `·` → `・`, `A/B` → `A / B`),
 * which Chinese typography and the never-invents rule both forbid.
 */
export function fixSpacing(text: string, languages: Language[], guarded: boolean[]): string {
  let out = ''
  let at = 0
  while (at < text.length) {
    const char = text[at] ?? ''
    if (char !== ' ' && char !== '\t') {
      out += char
      const next = text[at + 1]
      if (needsPanguSpace(char, next) && !(guarded[at] && guarded[at + 1])) out += ' '
      at++
      continue
    }
    const start = at
    while (text[at] === ' ' || text[at] === '\t') at++
    const run = text.slice(start, at)
    const left = text[start - 1]
    const right = text[at]
    const lineEdge = left === undefined || left === '\n' || right === undefined || right === '\n'
    if (lineEdge || (guarded[start - 1] && guarded[at])) {
      out += run
      continue
    }
    const zhAround =
      (isFullWidthMark(left) && languages[start - 1] === 'zh' && !isHalfWidthStop(right)) ||
      (isFullWidthMark(right) && languages[at] === 'zh' && !isHalfWidthStop(left))
    const enBeforeStop =
      languages[at] === 'en' &&
      isHalfWidthStop(right) &&
      !(right === '.' && /\d/.test(text[at + 1] ?? '')) &&
      !guarded[at]
    if (zhAround || enBeforeStop) continue
    if (needsPanguSpace(left, right)) out += ' '
    else if (languages[start - 1] === 'en' || languages[at] === 'en')
      out += run.replace(/ {2,}/g, ' ')
    else out += run
  }
  return out
}
