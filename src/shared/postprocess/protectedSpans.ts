/** A range of text a step must not reshape: a URL, an e-mail address, a number, `e.g.`. */
export type Span = { start: number; end: number }

const STOP = '\\s\\p{Script=Han}，。！？；：（）“”‘’「」《》、…—'
const URL = new RegExp(`\\b(?:https?://|www\\.)[^${STOP}]+`, 'giu')
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/gu
/** 3.14, 10:30, 1,000, 4.5.1 — digits joined by one separator at a time. */
const NUMBER = /\d+(?:[.:,]\d+)+/g
/** e.g., i.e., U.S. and the common abbreviations that end in a dot mid-sentence. */
const ABBREVIATION =
  /(?<![\p{L}\p{N}])(?:(?:\p{Script=Latin}\.){2,}|(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|vs|etc|cf|No|Fig|Mt)\.)/gu
/** A markdown rule line (`---`): not a dash to convert. */
const RULE_LINE = /^[ \t]*[-*_]{3,}[ \t]*$/gm

/** A trailing dot or comma closes the sentence around a URL rather than belonging to it. */
function trimUrl(match: string): string {
  return match.replace(/[.,;:!?'")\]]+$/, '')
}

/** The spans of `text` that punctuation and segmentation rules leave alone, sorted. */
export function protectedSpans(text: string): Span[] {
  const spans: Span[] = []
  for (const match of text.matchAll(URL)) {
    const kept = trimUrl(match[0])
    spans.push({ start: match.index, end: match.index + kept.length })
  }
  for (const pattern of [EMAIL, NUMBER, ABBREVIATION, RULE_LINE])
    for (const match of text.matchAll(pattern))
      spans.push({ start: match.index, end: match.index + match[0].length })
  return spans.sort((a, b) => a.start - b.start)
}

/** A per-index lookup: is this position inside a protected span? */
export function protectedMask(text: string): boolean[] {
  const mask = new Array<boolean>(text.length).fill(false)
  for (const span of protectedSpans(text)) mask.fill(true, span.start, span.end)
  return mask
}
