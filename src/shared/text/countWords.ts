/**
 * Scripts written without spaces between words: each character is counted as a word, as word
 * processors count Chinese (and Japanese kana).
 */
const CHARACTER_WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3005\u3007]/u
const WORD_OR_CHARACTER = new RegExp(
  `${CHARACTER_WORD.source}|(?:(?!${CHARACTER_WORD.source})[\\p{L}\\p{N}\\p{M}])+(?:['’_\\-.](?:(?!${CHARACTER_WORD.source})[\\p{L}\\p{N}\\p{M}])+)*`,
  'gu',
)
const NOT_SPACE = /[^\s\u200b\ufeff]/gu

export type TextCounts = { words: number; chars: number }

/**
 * Words and characters as a writer counts them: each CJK character is a word, a run of Latin
 * letters or digits (with inner apostrophes, hyphens and dots: "don't", "e-mail", "3.14") is a
 * word. `chars` counts every character that is not white space (code points, so an emoji is one).
 */
export function countText(text: string): TextCounts {
  let words = 0
  for (const _ of text.matchAll(WORD_OR_CHARACTER)) words++
  let chars = 0
  for (const _ of text.matchAll(NOT_SPACE)) chars++
  return { words, chars }
}
