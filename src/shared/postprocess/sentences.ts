import type { Language } from '../contract/schemas'
import { detectLanguage } from '../text/script'
import { CJK, OPENERS } from './chars'
import { protectedSpans, type Span } from './protectedSpans'

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

/** The text with URLs and addresses blanked: `https://example.com` is not four English words. */
function withoutLinks(text: string, spans: Span[]): string {
  let result = text
  for (const span of spans)
    if (/[@/]|www\./.test(text.slice(span.start, span.end)))
      result =
        result.slice(0, span.start) + ' '.repeat(span.end - span.start) + result.slice(span.end)
  return result
}

/**
 * The language of every position in `text`, decided per sentence by its majority script
 * (links not counted); a sentence with neither script takes the previous one's language.
 */
export function languageMask(text: string, fallback: Language): Language[] {
  const mask = new Array<Language>(text.length).fill(fallback)
  const counted = withoutLinks(text, protectedSpans(text))
  let previous = fallback
  for (const sentence of splitSentences(text)) {
    const language = detectLanguage(counted.slice(sentence.start, sentence.end), previous)
    mask.fill(language, sentence.start, sentence.end)
    previous = language
  }
  return mask
}
