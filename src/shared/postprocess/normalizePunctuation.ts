import type { Language } from '../contract/schemas'
import { isCjk, isLatinOrDigit } from './chars'
import { applyPatches, type Patch } from './patch'
import { protectedMask } from './protectedSpans'
import { quotePatches } from './quotes'
import { languageMask } from './sentences'
import { fixSpacing } from './spacing'
import type { Step } from './stepTypes'

const TO_FULL_WIDTH: Record<string, string> = {
  ',': '，',
  '.': '。',
  '?': '？',
  '!': '！',
  ':': '：',
  ';': '；',
}
const CLOSING_QUOTES = '"”’\''

const TO_HALF_WIDTH: Record<string, string> = {
  '，': ',',
  '、': ',',
  '。': '.',
  '？': '?',
  '！': '!',
  '：': ':',
  '；': ';',
}

/** The nearest character that is not a space or tab, looking one way along the line. */
function neighbour(text: string, at: number, step: 1 | -1): string | undefined {
  for (let i = at + step; i >= 0 && i < text.length; i += step) {
    const char = text[i]
    if (char === '\n') return undefined
    if (char !== ' ' && char !== '\t') return char
  }
  return undefined
}

/** Chinese: `...`, `。。。` and `…` become `……`; `--` becomes `——` (a `--flag` stays). */
function chineseRuns(
  text: string,
  zh: (at: number) => boolean,
  free: (s: number, e: number) => boolean,
): Patch[] {
  const patches: Patch[] = []
  for (const match of text.matchAll(/(?:…|\.{2,}|。{3,})+/g)) {
    const end = match.index + match[0].length
    if (zh(match.index) && free(match.index, end) && match[0] !== '……')
      patches.push({ start: match.index, end, text: '……' })
  }
  for (const match of text.matchAll(/(?<!-)-{2,3}(?!-)/g)) {
    const end = match.index + match[0].length
    const flag = /^\s?$/.test(text[match.index - 1] ?? '') && /[A-Za-z]/.test(text[end] ?? '')
    if (zh(match.index) && free(match.index, end) && !flag)
      patches.push({ start: match.index, end, text: '——' })
  }
  return patches
}

/** English: `……` becomes `…`, `。。。` becomes `...`, `——` becomes `—`. */
function englishRuns(text: string, en: (at: number) => boolean): Patch[] {
  const patches: Patch[] = []
  const runs: Array<[RegExp, string]> = [
    [/…{2,}/g, '…'],
    [/。{2,}/g, '...'],
    [/—{2,}/g, '—'],
  ]
  for (const [pattern, replacement] of runs)
    for (const match of text.matchAll(pattern))
      if (en(match.index))
        patches.push({ start: match.index, end: match.index + match[0].length, text: replacement })
  return patches
}

/** Chinese parentheses for pairs that touch Chinese text; `f(x)` inside a phrase stays. */
function parenthesisPatches(
  text: string,
  zh: (at: number) => boolean,
  guarded: boolean[],
): Patch[] {
  const patches: Patch[] = []
  const touchesCjk = (open: number, close: number): boolean =>
    isCjk(neighbour(text, open, -1)) ||
    isCjk(neighbour(text, close, 1)) ||
    [...text.slice(open + 1, close)].some((char) => isCjk(char))
  const stack: number[] = []
  const pairs: Array<[number, number]> = []
  const lone: number[] = []
  for (let at = 0; at < text.length; at++) {
    if (guarded[at]) continue
    if (text[at] === '\n') lone.push(...stack.splice(0))
    if (text[at] === '(') stack.push(at)
    if (text[at] === ')') {
      const open = stack.pop()
      if (open === undefined) lone.push(at)
      else pairs.push([open, at])
    }
  }
  lone.push(...stack)
  for (const [open, close] of pairs)
    if ((zh(open) || zh(close)) && touchesCjk(open, close)) {
      patches.push({ start: open, end: open + 1, text: '（' })
      patches.push({ start: close, end: close + 1, text: '）' })
    }
  for (const at of lone)
    if (zh(at) && (isCjk(neighbour(text, at, -1)) || isCjk(neighbour(text, at, 1))))
      patches.push({ start: at, end: at + 1, text: text[at] === '(' ? '（' : '）' })
  return patches
}

/** Every one-character mark, by the language of its sentence. */
function markPatches(text: string, languages: Language[], guarded: boolean[]): Patch[] {
  const patches: Patch[] = []
  for (let at = 0; at < text.length; at++) {
    const char = text[at] ?? ''
    if (guarded[at]) continue
    const before = neighbour(text, at, -1)
    const after = neighbour(text, at, 1)
    if (languages[at] === 'zh') {
      const full = TO_FULL_WIDTH[char]
      if (!full) continue
      if (char === '.' && (text[at - 1] === '.' || text[at + 1] === '.')) continue
      // Inside a Latin phrase (`e.g. apples, pears`, `1,000`) the mark stays, and so does the
      // end of an English quotation (他说："I love you.").
      if (isLatinOrDigit(before) && isLatinOrDigit(after)) continue
      if (isLatinOrDigit(before) && after !== undefined && CLOSING_QUOTES.includes(after)) continue
      patches.push({ start: at, end: at + 1, text: full })
      continue
    }
    const half = TO_HALF_WIDTH[char]
    if (half) {
      if (char === '。' && (text[at - 1] === '。' || text[at + 1] === '。')) continue
      const next = text[at + 1]
      const spaced = next !== undefined && /[\p{L}\p{N}“‘(（]/u.test(next)
      patches.push({ start: at, end: at + 1, text: spaced ? `${half} ` : half })
    } else if (char === '（' || char === '）') {
      const open = char === '（'
      const spaced = open
        ? /[\p{L}\p{N}]/u.test(text[at - 1] ?? '')
        : /[\p{L}\p{N}]/u.test(text[at + 1] ?? '')
      patches.push({
        start: at,
        end: at + 1,
        text: open ? (spaced ? ' (' : '(') : spaced ? ') ' : ')',
      })
    }
  }
  return patches
}

function normalizeOnce(text: string, language: Language): string {
  const languages = languageMask(text, language)
  const guarded = protectedMask(text)
  const zh = (at: number): boolean => languages[at] === 'zh'
  const free = (start: number, end: number): boolean => !guarded.slice(start, end).includes(true)
  const mapped = applyPatches(text, [
    ...chineseRuns(text, zh, free),
    ...englishRuns(text, (at) => languages[at] === 'en' && !guarded[at]),
    ...parenthesisPatches(text, zh, guarded),
    ...markPatches(text, languages, guarded),
    ...quotePatches(text, languages, guarded),
  ])
  return fixSpacing(mapped, languageMask(mapped, language), protectedMask(mapped))
}

/**
 * Punctuation by each sentence's script: full-width marks, curly quotes, `……` and `——` in
 * Chinese; half-width marks and single spaces in English; one space between CJK and Latin.
 * Numbers, times, versions, URLs, e-mail addresses and Latin phrases are left alone.
 */
export function normalizePunctuationText(text: string, language: Language): string {
  let result = text
  for (let round = 0, previous = ''; round < 4 && previous !== result; round++) {
    previous = result
    result = normalizeOnce(result, language)
  }
  return result
}

export const normalizePunctuation: Step<'normalize-punctuation'> = (text, _call, context) => ({
  text: normalizePunctuationText(text, context.language),
})
