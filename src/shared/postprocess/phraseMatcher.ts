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

  constructor(phrases: Iterable<string>) {
    for (const phrase of phrases) {
      if (phrase === '') continue
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

  /** The phrases that start at `start`, longest first, ignoring word boundaries. */
  private *startingAt(text: string, start: number): Generator<string> {
    const found: string[] = []
    let at: TrieNode | undefined = this.root
    for (let i = start; i < text.length; i++) {
      at = at.next.get(text.charCodeAt(i))
      if (!at) break
      if (at.phrase !== null) found.push(at.phrase)
    }
    for (let i = found.length - 1; i >= 0; i--) yield found[i] as string
  }

  /** True when any phrase occurs anywhere in `text`, word boundaries aside. */
  occursIn(text: string): boolean {
    for (let start = 0; start < text.length; start++)
      if (this.startingAt(text, start).next().done === false) return true
    return false
  }

  /** Replaces every match with `replace(phrase)`, scanning once from left to right. */
  replaceAll(text: string, replace: (phrase: string) => string): string {
    let result = ''
    let copied = 0
    let start = 0
    while (start < text.length) {
      let matched: string | null = null
      for (const phrase of this.startingAt(text, start))
        if (boundariesHold(text, start, start + phrase.length, phrase)) {
          matched = phrase
          break
        }
      if (matched === null) {
        start += codePointAt(text, start).length || 1
        continue
      }
      result += text.slice(copied, start) + replace(matched)
      start += matched.length
      copied = start
    }
    return copied === 0 ? text : result + text.slice(copied)
  }
}
