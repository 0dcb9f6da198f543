import type { Language } from '../contract/schemas'
import type { PhrasePair } from './stepSpec'
import type { Step } from './stepTypes'

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

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const wordChar = /[\p{Script=Latin}\p{N}]/u

/**
 * The pairs that can run together: non-empty `from`s, the first pair for each `from`, and no
 * pair whose `to` contains any `from` (it would be replaced again on the next run).
 */
function usablePairs(pairs: readonly PhrasePair[]): PhrasePair[] {
  const byFrom = new Map<string, string>()
  for (const [from, to] of pairs) if (from !== '' && !byFrom.has(from)) byFrom.set(from, to)
  const froms = [...byFrom.keys()]
  return [...byFrom].filter(([, to]) => !froms.some((from) => to.includes(from)))
}

/**
 * Replaces every phrase of the list at once, longest first; a phrase that starts or ends with a
 * Latin letter only matches whole words ("delve into" is not found inside "redelve into").
 */
export function replacePhrasesText(text: string, pairs: readonly PhrasePair[]): string {
  const usable = usablePairs(pairs).sort(([a], [b]) => b.length - a.length)
  if (usable.length === 0) return text
  const source = usable
    .map(([from]) => {
      const head = wordChar.test(from[0] ?? '') ? '(?<![\\p{Script=Latin}\\p{N}])' : ''
      const tail = wordChar.test(from.at(-1) ?? '') ? '(?![\\p{Script=Latin}\\p{N}])' : ''
      return `${head}${escape(from)}${tail}`
    })
    .join('|')
  const table = new Map(usable)
  const pattern = new RegExp(source, 'gu')
  let result = text
  for (let round = 0, previous = ''; round < 3 && previous !== result; round++) {
    previous = result
    result = result.replace(pattern, (match) => table.get(match) ?? match)
  }
  return result
}

/** Runs the prompt's own pairs first (more specific), then the writer's Settings list. */
export const replacePhrases: Step<'replace-phrases'> = (text, call, context) => ({
  text: replacePhrasesText(text, [...call.pairs, ...context.replacements]),
})
