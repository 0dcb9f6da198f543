import { CJK } from './chars'
import type { Step } from './stepTypes'

/** 1–8 CJK characters said three or more times in a row (非常非常非常 → 非常, 谢谢谢谢 → 谢谢). */
const CJK_RUN = new RegExp(`([${CJK}]{1,8}?)\\1{2,}`, 'gu')
const WORD = "\\p{Script=Latin}+(?:['’]\\p{Script=Latin}+)?"
const EDGE_BEFORE = "(?<![\\p{L}\\p{N}'’])"
const EDGE_AFTER = "(?![\\p{L}\\p{N}'’])"
/** 1–3 Latin words said three or more times in a row (very very very → very). */
const LATIN_RUN = new RegExp(
  `${EDGE_BEFORE}(${WORD}(?:[ \\t]+${WORD}){0,2})(?:[ \\t]+\\1${EDGE_AFTER}){2,}`,
  'giu',
)
/** A Latin word said twice (the the → the); which doubles collapse is `isStutterDouble`. */
const LATIN_DOUBLE = new RegExp(`${EDGE_BEFORE}(${WORD})[ \\t]+(\\1)${EDGE_AFTER}`, 'giu')

/** Laughter and sound words are repeated on purpose: 哈哈哈 stays. */
const SOUND_WORDS = new Set([...'哈呵嘻嘿嘎咯呜啊哇呀啦嗯哦噢咚哒嘀滴砰轰'])
/** Latin interjections and sound words said three times on purpose: ho ho ho, ding ding ding. */
const LATIN_SOUND_WORDS = new Set(
  (
    'ho ha he hee hi haha hehe ah oh ooh aah la na da doo dum dee ding dong knock tick tock ' +
    'bang boom bam pow beep buzz bzz blah bla yada yeah yes no nope go bye well there hip hooray ' +
    'hurray bravo woof meow moo quack tut chug choo toot honk clap tap rat tat drip drop'
  ).split(' '),
)
/**
 * Function words a writer never doubles on purpose. Left out on purpose: `that`, `had`,
 * `her` and `is` ("that that was fine", "had had", "gave her her coat", "what it is is").
 */
const FUNCTION_WORDS = new Set(
  (
    'the a an and or nor of to in on at was it its I we he she they you for with but as by be ' +
    'are were my your his our their from this these those if than into onto'
  ).split(' '),
)

/**
 * A doubled word is a stutter only when the second is a function word written in lowercase
 * and the first is the same word, possibly capitalised to open a sentence (The the → The).
 * Names, interjections and sound words (Bora Bora, There there, Knock knock, bye bye) stay.
 */
function isStutterDouble(first: string, second: string): boolean {
  if (!FUNCTION_WORDS.has(second)) return false
  const capitalised = second.charAt(0).toUpperCase() + second.slice(1)
  return first === second || first === capitalised
}

const isSoundRun = (unit: string): boolean =>
  unit
    .toLowerCase()
    .split(/[ \t]+/)
    .every((word) => LATIN_SOUND_WORDS.has(word))

function collapseOnce(text: string): string {
  return text
    .replace(CJK_RUN, (run, unit: string) => {
      if (SOUND_WORDS.has(unit)) return run
      // One character keeps its two-fold reduplication: 谢谢谢谢 → 谢谢, 对对对 → 对对.
      return [...unit].length === 1 ? unit + unit : unit
    })
    .replace(LATIN_RUN, (run, unit: string) => (isSoundRun(unit) ? run : unit))
    .replace(LATIN_DOUBLE, (pair, first: string, second: string) =>
      isStutterDouble(first, second) ? first : pair,
    )
}

/**
 * Collapses stutters, and only stutters:
 * - CJK: a unit said three or more times. A single character never goes below two, since
 *   two-fold reduplication is language (谢谢谢谢 → 谢谢, 对对对 → 对对, 说说说 → 说说); a unit of
 *   2–8 characters becomes one (非常非常非常 → 非常, 一步一步一步 → 一步). Anything said only
 *   twice (看看, 高高兴兴, 一步一步, 说说笑笑) stays, and so does laughter (哈哈哈) and sound (滴滴滴).
 * - Latin: 1–3 words said three or more times become one (very very very → very), unless they
 *   are interjections or sound words (ho ho ho, ding ding ding). A word said twice becomes one
 *   only when it is a lowercase function word (the the → the, The the → The); Bora Bora,
 *   There there, Knock knock, Well well and bye bye stay.
 * Repeated until stable, since one collapse can reveal another.
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
