import { diffArrays } from 'diff'

/** One run of a diff: text both share, text only the answer has, or text only the original had. */
export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string }

/** Scripts written without spaces between words: compared character by character. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u

const words = new Intl.Segmenter(undefined, { granularity: 'word' })
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/**
 * The units a writer compares: Latin words (and the spaces and punctuation between them) as
 * `Intl.Segmenter` finds them, and every CJK character on its own, since a Chinese rewrite
 * changing one character of a two-character word should show just that character.
 */
export function diffUnits(text: string): string[] {
  const units: string[] = []
  for (const { segment } of words.segment(text)) {
    if (CJK.test(segment))
      for (const { segment: char } of graphemes.segment(segment)) units.push(char)
    else units.push(segment)
  }
  return units
}

/** The changes from `before` to `after`, word by word for Latin text and character by character for CJK. */
export function diffText(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = []
  for (const change of diffArrays(diffUnits(before), diffUnits(after))) {
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same'
    const text = change.value.join('')
    const last = parts.at(-1)
    if (last?.kind === kind) last.text += text
    else parts.push({ kind, text })
  }
  return parts
}
