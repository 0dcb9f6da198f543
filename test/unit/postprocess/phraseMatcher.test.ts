import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PhraseMatcher } from '@shared/postprocess/phraseMatcher'

/**
 * The single-regex replacement Quire used before the matcher: the reference semantics (edges read
 * as code points, so an astral digit such as 𝟏 counts as a digit).
 */
function regexReplace(text: string, phrases: readonly string[]): string {
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const word = /[\p{Script=Latin}\p{N}]/u
  const source = [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((from) => {
      const head = word.test([...from][0] ?? '') ? '(?<![\\p{Script=Latin}\\p{N}])' : ''
      const tail = word.test([...from].at(-1) ?? '') ? '(?![\\p{Script=Latin}\\p{N}])' : ''
      return `${head}${escape(from)}${tail}`
    })
    .join('|')
  return text.replace(new RegExp(source, 'gu'), (match) => `<${match}>`)
}

const pieces = ['秋', '风', '秋风', 'a', 'ab', 'b', ' ', '1', 'é', '.', '𝟏', '😀', 'delve', 'x']

describe('PhraseMatcher', () => {
  it('matches what the old single regular expression matched, on any small list', () => {
    const word = fc
      .array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 3 })
      .map((p) => p.join(''))
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { minLength: 1, maxLength: 6 }),
        fc.array(fc.constantFrom(...pieces), { maxLength: 20 }).map((p) => p.join('')),
        (phrases, text) => {
          const matcher = new PhraseMatcher(phrases)
          expect(matcher.replaceAll(text, (p) => `<${p}>`)).toBe(regexReplace(text, phrases))
        },
      ),
      { numRuns: 400 },
    )
  })

  it('keeps whole words for Latin edges and ignores them for Chinese', () => {
    const matcher = new PhraseMatcher(['delve into', '秋风'])
    const mark = (t: string) => matcher.replaceAll(t, (p) => `[${p}]`)
    expect(mark('redelve into; delve into.')).toBe('redelve into; [delve into].')
    expect(mark('萧瑟秋风起')).toBe('萧瑟[秋风]起')
  })

  it('tells whether any phrase occurs in a text', () => {
    const matcher = new PhraseMatcher(['秋风', 'wind'])
    expect(matcher.occursIn('窗外秋风')).toBe(true)
    expect(matcher.occursIn('windy')).toBe(true)
    expect(matcher.occursIn('窗外秋雨')).toBe(false)
  })
})
