/** Character classes the steps share. Sources are strings so each step can build its own regex. */

/** Chinese characters, kana and Hangul: the "CJK characters" of the spacing rule. */
export const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}'
/** Latin letters and ASCII digits: what gets one space next to CJK (Pangu style). */
export const LATIN_OR_DIGIT = '\\p{Script=Latin}0-9'

export const isCjk = (char: string | undefined): boolean =>
  char !== undefined && new RegExp(`[${CJK}]`, 'u').test(char)

export const isLatinOrDigit = (char: string | undefined): boolean =>
  char !== undefined && /[\p{Script=Latin}0-9]/u.test(char)

/** Full-width punctuation a Chinese sentence uses; no spaces go around these. */
export const FULL_WIDTH_MARKS = '，。、？！：；（）“”‘’《》〈〉「」『』【】…—'

/** Marks that end a sentence, in either script. */
export const SENTENCE_END = '。！？!?.'

/** Opening quotes and brackets: they belong to the sentence after them. */
export const OPENERS = '“‘「『（《【〈([{'
