import { describe, expect, it } from 'vitest'
import { stopReasonSchema } from '@shared/contract'
import { checkNames } from '@shared/prompts/checks'
import { fill, reportStrings } from '@core/eval/reportStrings'

type Tree = { [key: string]: string | Tree }

/** Every leaf of the labels, dotted: "metrics.meanScore.title". */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of leaves(value, path)) out.set(k, v)
  }
  return out
}

const en = leaves(reportStrings.en as unknown as Tree)
const zh = leaves(reportStrings.zh as unknown as Tree)
/** Not words: the page's language tags and locales. */
const codes = new Set(['htmlLang', 'locale'])

describe('report.html’s labels in English and Chinese', () => {
  it('has the same labels in both, each filling in the same values', () => {
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort())
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const [key, text] of en)
      expect([key, names(zh.get(key) ?? '')]).toEqual([key, names(text)])
  })

  it('writes every Chinese label in Chinese, and none is empty', () => {
    for (const [key, text] of [...en, ...zh])
      expect([key, text.trim().length > 0]).toEqual([key, true])
    const notChinese = [...zh].filter(
      ([key, text]) => !codes.has(key) && !/\p{Script=Han}/u.test(text),
    )
    expect(notChinese).toEqual([])
  })

  it('names every check and every stop reason a report can hold', () => {
    for (const strings of [reportStrings.en, reportStrings.zh]) {
      expect(Object.keys(strings.checks).sort()).toEqual([...checkNames].sort())
      expect(Object.keys(strings.stopReasons).sort()).toEqual([...stopReasonSchema.options].sort())
    }
  })

  it('fills placeholders and leaves unknown ones as they are', () => {
    expect(fill('{count} 个用例 {missing}', { count: 3 })).toBe('3 个用例 {missing}')
  })
})
