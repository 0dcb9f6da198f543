import type { Language } from '../contract/schemas'
import { countScriptUnits } from '../text/script'
import { CJK, OPENERS } from './chars'
import { protectedSpans } from './protectedSpans'

/** One sentence with the whitespace after it; the sentences of a text concatenate back to it. */
export type Sentence = { start: number; end: number; text: string }

const segmenter = new Intl.Segmenter('zh', { granularity: 'sentence' })

/** Titles and initials whose dot the segmenter takes for a sentence end (`Dr. Smith`). */
const ABBREVIATION_TAIL =
  /(?:^|[^\p{L}])(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|vs|cf|Fig|Mt|e\.g|i\.e|\p{Lu})\.$/u
/** `……` is no sentence break for the segmenter; before a new clause it ends one for us. */
const ELLIPSIS_BREAK = new RegExp(
  `(?:…+|\\.{3,}|。{3,})[ \\t]*(?=[${CJK}\\p{Lu}${OPENERS.replace(/[[\]()]/g, '\\$&')}])`,
  'gu',
)
const OPENER_RUN = new RegExp(`[${OPENERS.replace(/[[\]()]/g, '\\$&')}]+$`, 'u')

/**
 * Splits text into sentences with `Intl.Segmenter`, corrected where it errs for our texts:
 * no break inside a URL, number or abbreviation; opening quotes start the next sentence
 * rather than end the last; `……` ends a sentence when a new clause follows.
 */
export function splitSentences(text: string): Sentence[] {
  const boundaries = new Set<number>()
  for (const { index } of segmenter.segment(text)) if (index > 0) boundaries.add(index)
  for (const match of text.matchAll(ELLIPSIS_BREAK)) boundaries.add(match.index + match[0].length)

  const spans = protectedSpans(text)
  const ordered = [...boundaries].sort((a, b) => a - b)
  const kept: number[] = []
  for (let boundary of ordered) {
    if (boundary >= text.length) continue
    if (spans.some((span) => span.start < boundary && boundary < span.end)) continue
    const before = text.slice(kept.at(-1) ?? 0, boundary).trimEnd()
    if (ABBREVIATION_TAIL.test(before)) continue
    const opener = OPENER_RUN.exec(before)
    if (opener && opener.index > 0 && /\S/.test(before.slice(0, opener.index)))
      boundary = (kept.at(-1) ?? 0) + opener.index
    if (boundary > (kept.at(-1) ?? 0)) kept.push(boundary)
  }
  const starts = [0, ...kept]
  return starts
    .map((start, i) => {
      const end = starts[i + 1] ?? text.length
      return { start, end, text: text.slice(start, end) }
    })
    .filter((sentence) => sentence.end > sentence.start)
}

/** URLs and e-mail addresses, which are not English words (`https://example.com` is not four). */
function withoutLinks(text: string): string {
  let result = text
  for (const span of protectedSpans(text))
    if (/[@/]|www\./.test(text.slice(span.start, span.end)))
      result =
        result.slice(0, span.start) + ' '.repeat(span.end - span.start) + result.slice(span.end)
  return result
}

/** Quotations, straight or curly, within one line: `"床前明月光"`, “你好”, 「你好」. */
const QUOTATION = /"[^"\n]*"|“[^“”\n]*”|「[^「」\n]*」|『[^『』\n]*』/gu

/** The sentence with its quotations blanked out, when anything in its script is left outside. */
function withoutQuotations(text: string): string {
  const outside = text.replace(QUOTATION, (quotation) => ' '.repeat(quotation.length))
  const { han, latinWords } = countScriptUnits(outside)
  return han + latinWords > 0 ? outside : text
}

/**
 * The language of one sentence by its script: the majority of Chinese characters against Latin
 * words (links not counted), except that a sentence opening in Chinese with at least two
 * characters is Chinese (他说："I love you."); with neither script, `fallback`. Quotations do
 * not count when there is text outside them: `Li Bai wrote "床前明月光" in 726.` is English.
 */
export function sentenceLanguage(sentence: string, fallback: Language): Language {
  const counted = withoutQuotations(withoutLinks(sentence))
  const { han, latinWords } = countScriptUnits(counted)
  if (han === 0 && latinWords === 0) return fallback
  if (han >= latinWords) return 'zh'
  const opensInChinese = /^[^\p{Script=Latin}]*\p{Script=Han}/u.test(counted)
  return opensInChinese && han >= 2 ? 'zh' : 'en'
}

/** The language of every position in `text`, sentence by sentence (see `sentenceLanguage`). */
export function languageMask(text: string, fallback: Language): Language[] {
  const mask = new Array<Language>(text.length).fill(fallback)
  let previous = fallback
  for (const sentence of splitSentences(text)) {
    const language = sentenceLanguage(sentence.text, previous)
    mask.fill(language, sentence.start, sentence.end)
    previous = language
  }
  return mask
}
