/**
 * A phrase list compiled into a trie of UTF-16 code units. It replaces one large regular
 * alternation, which V8 refuses past a few hundred kilobytes of source ("Regular expression
 * too large"): a trie has no size limit and building it cannot throw. Work per text position is
 * bounded by the longest phrase, and rule sizes are bounded where rules are read.
 */
type TrieNode = { next: Map<number, TrieNode>; phrase: string | null }

const wordChar = /[\p{Script=Latin}\p{N}]/u

const node = (): TrieNode => ({ next: new Map(), phrase: null })

/** The code point that ends just before `index`, as a string ('' at the start). */
function codePointBefore(text: string, index: number): string {
  if (index <= 0) return ''
  const low = text.charCodeAt(index - 1)
  const high = index >= 2 ? text.charCodeAt(index - 2) : 0
  const pair = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff
  return pair ? text.slice(index - 2, index) : text.slice(index - 1, index)
}

/** The code point that starts at `index`, as a string ('' at the end). */
const codePointAt = (text: string, index: number): string =>
  index >= text.length ? '' : String.fromCodePoint(text.codePointAt(index) ?? 0)

const isWordChar = (char: string): boolean => char !== '' && wordChar.test(char)

/**
 * A phrase that starts (ends) with a Latin letter or a digit only matches where the text has no
 * such character just before (after) it: whole words, as `\b` would for English.
 */
function boundariesHold(text: string, start: number, end: number, phrase: string): boolean {
  if (isWordChar(codePointAt(phrase, 0)) && isWordChar(codePointBefore(text, start))) return false
  if (isWordChar(codePointBefore(phrase, phrase.length)) && isWordChar(codePointAt(text, end)))
    return false
  return true
}

/** Finds phrases in text: longest first at each position, left to right, never overlapping. */
export class PhraseMatcher {
  private readonly root = node()
  /** Whether any phrase starts with this UTF-16 unit: most positions are skipped on one look. */
  private readonly starts = new Uint8Array(0x10000)

  constructor(phrases: Iterable<string>) {
    for (const phrase of phrases) {
      if (phrase === '') continue
      this.starts[phrase.charCodeAt(0)] = 1
      let at = this.root
      for (let i = 0; i < phrase.length; i++) {
        const code = phrase.charCodeAt(i)
        let child = at.next.get(code)
        if (!child) at.next.set(code, (child = node()))
        at = child
      }
      at.phrase = phrase
    }
  }

  /** The phrases that start at `start`, shortest first, word boundaries aside; reuses `into`. */
  private startingAt(text: string, start: number, into: string[]): string[] {
    into.length = 0
    let at = this.root.next.get(text.charCodeAt(start))
    for (let i = start + 1; at; i++) {
      if (at.phrase !== null) into.push(at.phrase)
      if (i >= text.length) break
      at = at.next.get(text.charCodeAt(i))
    }
    return into
  }

  /** True when any phrase occurs anywhere in `text`, word boundaries aside. */
  occursIn(text: string): boolean {
    const found: string[] = []
    for (let start = 0; start < text.length; start++)
      if (this.startingAt(text, start, found).length > 0) return true
    return false
  }

  /** Replaces every match with `replace(phrase)`, scanning once from left to right. */
  replaceAll(text: string, replace: (phrase: string) => string): string {
    const found: string[] = []
    let result = ''
    let copied = 0
    let start = 0
    while (start < text.length) {
      if (this.starts[text.charCodeAt(start)] === 0) {
        start++
        continue
      }
      const candidates = this.startingAt(text, start, found)
      let matched: string | null = null
      for (let i = candidates.length - 1; i >= 0 && matched === null; i--) {
        const phrase = candidates[i] as string
        if (boundariesHold(text, start, start + phrase.length, phrase)) matched = phrase
      }
      if (matched === null) {
        // Step over a whole code point, as a /u regular expression would.
        const code = text.charCodeAt(start)
        start += code >= 0xd800 && code <= 0xdbff && start + 1 < text.length ? 2 : 1
        continue
      }
      result += text.slice(copied, start) + replace(matched)
      start += matched.length
      copied = start
    }
    return copied === 0 ? text : result + text.slice(copied)
  }
}
