import { protectedMask } from './protectedSpans'
import { splitSentences } from './sentences'
import type { Step } from './stepTypes'
import { unitEnds } from './units'

const CLAUSE_MARK = /[，；,;]/g

/** How many units end at or before `position`. */
function unitsBefore(ends: number[], position: number): number {
  let count = 0
  while (count < ends.length && (ends[count] ?? Infinity) <= position) count++
  return count
}

/**
 * Keeps at most `limit` units (Chinese characters and words; punctuation is free): cut at the
 * last sentence end that fits (keeping that sentence's own mark), else before the last clause
 * mark of the first sentence that fits, else hard after the limit-th unit. Nothing is added:
 * no ellipsis or mark the model did not write (the card says the answer was cut, from
 * `truncated`).
 */
export function trimLengthText(text: string, limit: number): { text: string; truncated: boolean } {
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
  return { text: text.slice(0, cut).trimEnd(), truncated: true }
}

export const trimLength: Step<'trim-length'> = (text, call) => trimLengthText(text, call.limit)
