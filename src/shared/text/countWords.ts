export type TextCounts = { words: number; chars: number }

/**
 * Scripts written without spaces between words (Chinese, Japanese kana): each character is
 * counted as a word, as word processors count Chinese.
 */
function isCharacterWord(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x3040 && cp <= 0x30ff && cp !== 0x30fb && cp !== 0x30fc && cp !== 0x30a0) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3134f) ||
    (cp >= 0x2e80 && cp <= 0x2fdf) ||
    cp === 0x3005 ||
    cp === 0x3007 ||
    (cp >= 0x3021 && cp <= 0x3029) ||
    (cp >= 0x3038 && cp <= 0x303b) ||
    (cp >= 0x31f0 && cp <= 0x31ff)
  )
}

const LETTER = /[\p{L}\p{N}\p{M}]/u

/** A letter, digit or combining mark of a spaced script (Latin, Cyrillic, Greek, Hangul…). */
function isLetter(cp: number): boolean {
  if (cp < 0x80)
    return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x30 && cp <= 0x39)
  // Fast answers for the punctuation that fills Chinese text and for accented Latin letters.
  if ((cp >= 0x2000 && cp <= 0x206f) || (cp >= 0x3000 && cp <= 0x303f)) return false
  if (cp >= 0xff01 && cp <= 0xff0f) return false
  if (cp >= 0xc0 && cp <= 0x24f) return cp !== 0xd7 && cp !== 0xf7
  return LETTER.test(String.fromCodePoint(cp))
}

/** Characters that keep a word whole between letters: don't, e-mail, 3.14, snake_case. */
function isJoiner(cp: number): boolean {
  return cp === 0x27 || cp === 0x2019 || cp === 0x5f || cp === 0x2d || cp === 0x2e
}

function isSpace(cp: number): boolean {
  return (
    cp === 0x20 ||
    (cp >= 0x09 && cp <= 0x0d) ||
    cp === 0xa0 ||
    cp === 0x3000 ||
    cp === 0x85 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200b) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0xfeff
  )
}

/**
 * Words and characters as a writer counts them: each CJK character is a word, a run of Latin
 * letters or digits (with inner apostrophes, hyphens and dots: "don't", "e-mail", "3.14") is a
 * word. `chars` counts every character that is not white space (code points, so an emoji is one).
 * One pass over the text, so a 5-million-character draft is counted in tens of milliseconds.
 */
export function countText(text: string): TextCounts {
  let words = 0
  let chars = 0
  // 0: outside a word, 1: in a word, 2: just after a joiner that followed a word.
  let state = 0
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i)
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1)
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000
        i++
      }
    }
    if (isSpace(cp)) {
      state = 0
      continue
    }
    chars++
    if (isCharacterWord(cp)) {
      words++
      state = 0
    } else if (isLetter(cp)) {
      if (state === 0) words++
      state = 1
    } else if (state === 1 && isJoiner(cp)) {
      state = 2
    } else {
      state = 0
    }
  }
  return { words, chars }
}
