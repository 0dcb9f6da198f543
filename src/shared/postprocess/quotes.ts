import type { Language } from '../contract/schemas'
import type { Patch } from './patch'

type QuoteKind = { straight: string; open: string; close: string }
const DOUBLE: QuoteKind = { straight: '"', open: '“', close: '”' }
const SINGLE: QuoteKind = { straight: "'", open: '‘', close: '’' }

const isLatinLetter = (char: string | undefined): boolean =>
  char !== undefined && /\p{Script=Latin}/u.test(char)

/**
 * Pairs straight quotes in order, line by line (a Chinese quotation may span sentences), and
 * curls the pairs that touch a Chinese sentence: "…" → “…”, '…' → ‘…’. Curly quotes already
 * there take part in the pairing; apostrophes (don't, Xi'an) are not quotes.
 */
export function quotePatches(text: string, languages: Language[], guarded: boolean[]): Patch[] {
  const patches: Patch[] = []
  const zh = (at: number): boolean => languages[at] === 'zh'
  const curl = (at: number, char: string): void => {
    patches.push({ start: at, end: at + 1, text: char })
  }
  for (const kind of [DOUBLE, SINGLE]) {
    let open = false
    let pending: number | null = null
    for (let at = 0; at <= text.length; at++) {
      const char = text[at]
      if (char === undefined || char === '\n') {
        if (pending !== null && zh(pending)) curl(pending, kind.open)
        open = false
        pending = null
        continue
      }
      if (guarded[at]) continue
      const apostrophe =
        (char === kind.straight || char === kind.close) &&
        kind === SINGLE &&
        isLatinLetter(text[at - 1]) &&
        isLatinLetter(text[at + 1])
      if (apostrophe) continue
      if (char === kind.open) {
        open = true
        pending = null
      } else if (char === kind.close) {
        if (pending !== null && (zh(pending) || zh(at))) curl(pending, kind.open)
        open = false
        pending = null
      } else if (char === kind.straight) {
        if (!open) {
          open = true
          pending = at
          continue
        }
        if (pending !== null && (zh(pending) || zh(at))) {
          curl(pending, kind.open)
          curl(at, kind.close)
        } else if (pending === null && zh(at)) curl(at, kind.close)
        open = false
        pending = null
      }
    }
  }
  return patches
}
