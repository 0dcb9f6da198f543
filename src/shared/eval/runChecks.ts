import type { Language } from '../contract/schemas'
import { PhraseMatcher } from '../postprocess/phraseMatcher'
import { isLanguageMismatch } from '../postprocess/languageGuard'
import { checkNames, type CheckName, type PromptChecks, type Sense } from '../prompts/checks'
import { countText } from '../text/countWords'
import { senseWords, stockPhrases } from './lexicon'
import { textUnits } from './units'

/** One check on one answer: what was asked, what the answer has, and whether it holds. */
export type CheckResult = {
  check: CheckName
  pass: boolean
  expected: number | string | string[]
  actual: number | string | string[]
}

/** The phrases of `phrases` found in `text`, once each, in the order first found. */
export function findPhrases(text: string, phrases: readonly string[]): string[] {
  if (phrases.length === 0) return []
  const lower = new Map(phrases.map((phrase) => [phrase.toLowerCase(), phrase]))
  const found = new Set<string>()
  new PhraseMatcher(lower.keys()).replaceAll(text.toLowerCase(), (phrase) => {
    found.add(lower.get(phrase) ?? phrase)
    return phrase
  })
  return [...found]
}

/** How many times the language's stock phrases occur in `text` (every occurrence counts). */
export function countStockPhrases(text: string, language: Language): number {
  let hits = 0
  new PhraseMatcher(stockPhrases[language]).replaceAll(text.toLowerCase(), (phrase) => {
    hits++
    return phrase
  })
  return hits
}

/** The senses `text` appeals to, by the word lists of its language. */
export function sensesIn(text: string, language: Language): Sense[] {
  const table = senseWords[language]
  const senses = Object.keys(table) as Sense[]
  if (language === 'zh') return senses.filter((sense) => table[sense].some((w) => text.includes(w)))
  const units = textUnits(text)
  const matches = (unit: string, word: string): boolean =>
    unit === word || (word.length >= 5 && unit.startsWith(word))
  return senses.filter((sense) => table[sense].some((w) => units.some((u) => matches(u, w))))
}

const FIRST_PERSON: Record<Language, RegExp> = {
  zh: /[我咱]/u,
  en: /\b(I|me|my|mine|myself|we|us|our|ours)\b/iu,
}
/** Quoted speech: a third-person story may have its characters say "I". */
const QUOTED = /“[^”]*”|"[^"]*"|「[^」]*」|『[^』]*』/gu

/** Lines with something on them. */
const countLines = (text: string): number =>
  text.split('\n').filter((line) => line.trim() !== '').length

/**
 * Runs each check a prompt states on one answer. `input` is the text the prompt worked on (the
 * length ratios are measured against it); `language` is the prompt's.
 */
export function runChecks(
  text: string,
  checks: PromptChecks,
  context: { input: string; language: Language },
): CheckResult[] {
  const { words, chars } = countText(text)
  const inputChars = Math.max(1, countText(context.input).chars)
  const language = checks.language ?? context.language
  const results: CheckResult[] = []
  const add = (
    check: CheckName,
    pass: boolean,
    expected: CheckResult['expected'],
    actual: CheckResult['actual'],
  ) => results.push({ check, pass, expected, actual })
  for (const name of checkNames) {
    switch (name) {
      case 'maxChars':
        if (checks.maxChars !== undefined)
          add(name, chars <= checks.maxChars, checks.maxChars, chars)
        break
      case 'minChars':
        if (checks.minChars !== undefined)
          add(name, chars >= checks.minChars, checks.minChars, chars)
        break
      case 'maxWords':
        if (checks.maxWords !== undefined)
          add(name, words <= checks.maxWords, checks.maxWords, words)
        break
      case 'minWords':
        if (checks.minWords !== undefined)
          add(name, words >= checks.minWords, checks.minWords, words)
        break
      case 'maxLines': {
        const lines = countLines(text)
        if (checks.maxLines !== undefined)
          add(name, lines <= checks.maxLines, checks.maxLines, lines)
        break
      }
      case 'minLines': {
        const lines = countLines(text)
        if (checks.minLines !== undefined)
          add(name, lines >= checks.minLines, checks.minLines, lines)
        break
      }
      case 'maxLengthRatio': {
        const ratio = round(chars / inputChars)
        if (checks.maxLengthRatio !== undefined)
          add(name, ratio <= checks.maxLengthRatio, checks.maxLengthRatio, ratio)
        break
      }
      case 'minLengthRatio': {
        const ratio = round(chars / inputChars)
        if (checks.minLengthRatio !== undefined)
          add(name, ratio >= checks.minLengthRatio, checks.minLengthRatio, ratio)
        break
      }
      case 'language':
        if (checks.language !== undefined) {
          const empty = text.trim() === ''
          const wrong = empty || isLanguageMismatch(text, checks.language)
          const actual = empty ? '' : wrong ? other(checks.language) : checks.language
          add(name, !wrong, checks.language, actual)
        }
        break
      case 'avoid':
        if (checks.avoid !== undefined) {
          const found = findPhrases(text, checks.avoid)
          add(name, found.length === 0, checks.avoid, found)
        }
        break
      case 'minSenses':
        if (checks.minSenses !== undefined) {
          const found = sensesIn(text, language)
          add(name, found.length >= checks.minSenses, checks.minSenses, found)
        }
        break
      case 'senses':
        if (checks.senses !== undefined) {
          const found = sensesIn(text, language)
          add(
            name,
            checks.senses.every((s) => found.includes(s)),
            checks.senses,
            found,
          )
        }
        break
      case 'person':
        if (checks.person !== undefined) {
          const narration = text.replace(QUOTED, '')
          const first = FIRST_PERSON[language].test(narration)
          add(
            name,
            checks.person === 'first' ? first : !first,
            checks.person,
            first ? 'first' : 'third',
          )
        }
        break
      default:
        void (name satisfies never)
    }
  }
  return results
}

const other = (language: Language): Language => (language === 'zh' ? 'en' : 'zh')
const round = (value: number): number => Math.round(value * 100) / 100
