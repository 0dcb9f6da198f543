import type { Language } from '../contract/schemas'
import { protectedMask } from './protectedSpans'
import { sentenceLanguage, splitSentences } from './sentences'
import type { Step } from './stepTypes'
import { unitEnds } from './units'

const CLAUSE_MARK = /[，；,;]/g
const TRAILING_MARKS = /[。！？!?.，,；;：:、\s]+$/u
const ENDS_WITH_ELLIPSIS = /(?:…|\.{3,})$/
/** A question or exclamation, possibly inside its closing quote: the writer's tone, kept. */
const ENDS_WITH_TONE = /[？！?!][”’"'」』）)]*$/u

/** How many units end at or before `position`. */
function unitsBefore(ends: number[], position: number): number {
  let count = 0
  while (count < ends.length && (ends[count] ?? Infinity) <= position) count++
  return count
}

/**
 * Ends a cut with the ellipsis of the cut sentence's script, in place of its last mark (`。`,
 * `.`, `，`…). A kept sentence that ends in `？`/`！`/`?`/`!` keeps its mark and gets no ellipsis:
 * the mark is the writer's, and the text already ends on a whole sentence.
 */
function closeCut(kept: string, language: Language): string {
  const body = kept.trimEnd()
  if (ENDS_WITH_ELLIPSIS.test(body) || ENDS_WITH_TONE.test(body)) return body
  const lastSentence = splitSentences(body).at(-1)?.text ?? body
  const ellipsis = sentenceLanguage(lastSentence, language) === 'zh' ? '……' : '…'
  return body.replace(TRAILING_MARKS, '') + ellipsis
}

/**
 * Keeps at most `limit` units (Chinese characters and words; punctuation is free): cut at the
 * last sentence end that fits, else at the last clause mark of the first sentence that fits,
 * else hard after the limit-th unit; a cut text ends with `……` (Chinese) or `…` (English),
 * except after a kept `？`/`！`, which stays as the last mark (风很轻！云很淡？雨很大。 at 7 →
 * 风很轻！云很淡？).
 */
export function trimLengthText(
  text: string,
  limit: number,
  language: Language,
): { text: string; truncated: boolean } {
  const ends = unitEnds(text)
  if (ends.length <= limit) return { text, truncated: false }

  let cut = 0
  for (const sentence of splitSentences(text)) {
    const end = sentence.start + sentence.text.trimEnd().length
    const units = unitsBefore(ends, end)
    if (units > limit) break
    if (units > 0) cut = end
  }
  if (cut === 0) {
    const first = splitSentences(text)[0]
    const guarded = protectedMask(text)
    const firstEnd = first ? first.end : text.length
    for (const match of text.slice(0, firstEnd).matchAll(CLAUSE_MARK)) {
      if (guarded[match.index]) continue
      const units = unitsBefore(ends, match.index)
      if (units > limit) break
      if (units > 0) cut = match.index
    }
  }
  if (cut === 0) cut = ends[limit - 1] ?? text.length
  return { text: closeCut(text.slice(0, cut), language), truncated: true }
}

export const trimLength: Step<'trim-length'> = (text, call, context) =>
  trimLengthText(text, call.limit, context.language)
