import { CJK } from './chars'

/**
 * A unit a writer counts: one CJK character, or one word of other letters and digits
 * (`don't`, `GPT-4.5` and `3.14` are one word each). Punctuation is no unit.
 */
const UNIT = new RegExp(
  `[${CJK}]|[^\\s${CJK}\\p{P}\\p{S}]+(?:['’.\\-][^\\s${CJK}\\p{P}\\p{S}]+)*`,
  'gu',
)

/** Where each unit of `text` ends, in order: the cut point after the n-th unit is `ends[n-1]`. */
export function unitEnds(text: string): number[] {
  return [...text.matchAll(UNIT)].map((match) => match.index + match[0].length)
}

/** How many units `text` holds: Chinese characters plus words. */
export function countUnits(text: string): number {
  return text.match(UNIT)?.length ?? 0
}
