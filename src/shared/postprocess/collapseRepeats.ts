import { CJK } from './chars'
import type { Step } from './stepTypes'

/** 1–8 CJK characters said three or more times in a row (非常非常非常 → 非常). */
const CJK_RUN = new RegExp(`([${CJK}]{1,8}?)\\1{2,}`, 'gu')
const WORD = "\\p{Script=Latin}+(?:['’]\\p{Script=Latin}+)?"
const EDGE_BEFORE = "(?<![\\p{L}\\p{N}'’])"
const EDGE_AFTER = "(?![\\p{L}\\p{N}'’])"
/** 1–3 Latin words said three or more times in a row (very very very → very). */
const LATIN_RUN = new RegExp(
  `${EDGE_BEFORE}(${WORD}(?:[ \\t]+${WORD}){0,2})(?:[ \\t]+\\1${EDGE_AFTER}){2,}`,
  'giu',
)
/** A Latin word said twice (the the → the). */
const LATIN_DOUBLE = new RegExp(`${EDGE_BEFORE}(${WORD})[ \\t]+\\1${EDGE_AFTER}`, 'giu')

/** Laughter and sound words are repeated on purpose: 哈哈哈 stays. */
const SOUND_WORDS = new Set([...'哈呵嘻嘿嘎咯呜啊哇呀啦嗯哦噢咚哒嘀滴砰轰'])
/** English doubles that are grammar or idiom, not a stutter ("had had", "that that"). */
const GRAMMATICAL_DOUBLES = new Set(['had', 'that', 'bye', 'no', 'so', 'yes', 'ha', 'very'])

function collapseOnce(text: string): string {
  return text
    .replace(CJK_RUN, (run, unit: string) => (SOUND_WORDS.has(unit) ? run : unit))
    .replace(LATIN_RUN, (_run, unit: string) => unit)
    .replace(LATIN_DOUBLE, (pair, word: string) =>
      GRAMMATICAL_DOUBLES.has(word.toLowerCase()) ? pair : word,
    )
}

/**
 * Collapses stutters: a unit of 1–8 CJK characters or 1–3 Latin words said three or more times
 * becomes one; a Latin word said twice becomes one. Two-fold Chinese reduplication (看看, 慢慢,
 * 高高兴兴) is language and stays. Repeated until stable, since one collapse can reveal another.
 */
export function collapseRepeatsText(text: string): string {
  let result = text
  for (let previous = ''; previous !== result;) {
    previous = result
    result = collapseOnce(result)
  }
  return result
}

export const collapseRepeats: Step<'collapse-repeats'> = (text) => ({
  text: collapseRepeatsText(text),
})
