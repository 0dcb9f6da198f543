const HAN_OR_KANA = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u

// One segmenter for the process: building one costs far more than using it.
let segmenter: Intl.Segmenter | null = null

/**
 * The units the metrics count in: each Chinese (or Japanese) character on its own, every other
 * word whole and in lower case (found by Intl.Segmenter, so "don't" is one word). Punctuation
 * and white space are no unit.
 */
export function textUnits(text: string): string[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'word' })
  const units: string[] = []
  for (const { segment, isWordLike } of segmenter.segment(text.normalize('NFC'))) {
    if (!isWordLike) continue
    if (!HAN_OR_KANA.test(segment)) {
      units.push(segment.toLowerCase())
      continue
    }
    // A segmenter may join several characters (a dictionary word, or mixed "AI写作"): split
    // them so Chinese counts per character whatever the segmenter's dictionary knows.
    let latin = ''
    for (const char of segment) {
      if (HAN_OR_KANA.test(char)) {
        if (latin) units.push(latin.toLowerCase())
        latin = ''
        units.push(char)
      } else latin += char
    }
    if (latin) units.push(latin.toLowerCase())
  }
  return units
}

/** The n-grams of a unit list, each joined with a separator no unit contains. */
export function ngrams(units: readonly string[], n: number): string[] {
  const grams: string[] = []
  for (let i = 0; i + n <= units.length; i++) grams.push(units.slice(i, i + n).join('\u0001'))
  return grams
}
