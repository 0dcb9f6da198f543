const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' })

/**
 * The start of `text` up to the end of its first word, as `Intl.Segmenter` finds words (so a
 * Chinese continuation gives "秋天" rather than one character or the whole clause): leading
 * spaces and punctuation come along with the word they precede. All of `text` when it has no
 * word.
 */
export function leadingWord(text: string): string {
  for (const { segment, index, isWordLike } of wordSegmenter.segment(text))
    if (isWordLike) return text.slice(0, index + segment.length)
  return text
}

const LATIN_END = /[\p{Script=Latin}\d.,;:!?)"'’”]$/u
const LATIN_START = /^[\p{Script=Latin}\d]/u

/**
 * The space to put between existing text and text added after it: one between two Latin words
 * or after Latin punctuation, none for Chinese or when either side already has one.
 */
export function joiningSpace(before: string, added: string): string {
  return LATIN_END.test(before) && LATIN_START.test(added) ? ' ' : ''
}
