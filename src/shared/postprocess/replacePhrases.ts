import type { Language } from '../contract/schemas'
import type { PhrasePair } from './stepSpec'
import type { Step } from './stepTypes'
import { PhraseMatcher } from './phraseMatcher'

/** The stock phrases Quire softens out of the box; Settings starts from these. */
export const defaultReplacements: Record<Language, readonly PhrasePair[]> = {
  zh: [
    ['这是一个很好的问题', '这个问题很有意思'],
    ['你可以考虑', '不妨试试'],
    ['你可以尝试', '不妨试试'],
    ['总而言之，', '总之，'],
    ['值得注意的是，', '注意，'],
    ['毋庸置疑，', ''],
  ],
  en: [
    ['delve into', 'look into'],
    ['Delve into', 'Look into'],
    ["It's important to note that", 'Note that'],
    ['It is important to note that', 'Note that'],
    ['a testament to', 'a sign of'],
    ['a rich tapestry of', 'a mix of'],
    ["In today's fast-paced world, ", 'Today, '],
    ['In conclusion, ', ''],
  ],
}

/**
 * The pairs that can run together: non-empty `from`s, the first pair for each `from`, and no
 * pair whose `to` contains any `from` (it would be replaced again on the next run).
 */
function usablePairs(pairs: readonly PhrasePair[]): Map<string, string> {
  const byFrom = new Map<string, string>()
  for (const [from, to] of pairs) if (from !== '' && !byFrom.has(from)) byFrom.set(from, to)
  const froms = new PhraseMatcher(byFrom.keys())
  for (const [from, to] of byFrom) if (froms.occursIn(to)) byFrom.delete(from)
  return byFrom
}

/**
 * Replaces every phrase of the list at once, longest first; a phrase that starts or ends with a
 * Latin letter only matches whole words ("delve into" is not found inside "redelve into").
 * Any number and size of pairs works: the matcher is a trie, not one regular expression.
 */
export function replacePhrasesText(text: string, pairs: readonly PhrasePair[]): string {
  const table = usablePairs(pairs)
  if (table.size === 0) return text
  const matcher = new PhraseMatcher(table.keys())
  let result = text
  for (let round = 0, previous = ''; round < 3 && previous !== result; round++) {
    previous = result
    result = matcher.replaceAll(result, (from) => table.get(from) ?? from)
  }
  return result
}

/** Runs the prompt's own pairs first (more specific), then the writer's Settings list. */
export const replacePhrases: Step<'replace-phrases'> = (text, call, context) => ({
  text: replacePhrasesText(text, [...call.pairs, ...context.replacements]),
})
