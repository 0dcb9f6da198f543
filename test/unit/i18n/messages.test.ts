import { readFileSync } from 'node:fs'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { errorCodes, hostMessageKeys } from '@shared/contract'
import { literalUiText, sourceFiles, walk, where } from './sourceScan'

type Tree = { [key: string]: string | Tree }
const locale = (name: string) =>
  JSON.parse(readFileSync(`src/renderer/src/i18n/locales/${name}.json`, 'utf8')) as Tree
// As the renderer merges them (src/renderer/src/i18n/index.ts).
const locales = {
  en: { ...locale('en'), host: locale('host.en') },
  zh: { ...locale('zh'), host: locale('host.zh') },
}

/** Every leaf key, dotted: "settings.errors.range". */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of leaves(value, path)) out.set(k, v)
  }
  return out
}
const keys = { en: leaves(locales.en), zh: leaves(locales.zh) }
/** Plural forms aside: Chinese has only `_other`, English `_one` and `_other`. */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '')
const has = (language: 'en' | 'zh', key: string) =>
  keys[language].has(key) || keys[language].has(`${key}_other`)
const missingIn = (language: 'en' | 'zh', wanted: Iterable<string>) =>
  [...wanted].filter((key) => !has(language, key))

describe('every message has words in both languages', () => {
  it('has a message for every error code', () => {
    const wanted = errorCodes.map((code) => `host.codes.${code}`)
    expect(missingIn('en', wanted)).toEqual([])
    expect(missingIn('zh', wanted)).toEqual([])
  })

  it('has a message for every key the host can send', () => {
    const wanted = hostMessageKeys.map((key) => `host.messages.${key}`)
    expect(missingIn('en', wanted)).toEqual([])
    expect(missingIn('zh', wanted)).toEqual([])
  })

  it('has the same keys in English and Chinese, each filling in the same values', () => {
    const names = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()
    const enBases = new Set([...keys.en.keys()].map(base))
    const zhBases = new Set([...keys.zh.keys()].map(base))
    expect([...enBases].filter((key) => !zhBases.has(key))).toEqual([])
    expect([...zhBases].filter((key) => !enBases.has(key))).toEqual([])
    const differing = [...keys.zh]
      .filter(([key, text]) => {
        const english = keys.en.get(key) ?? keys.en.get(`${base(key)}_other`)
        // `count` may be left out of a Chinese plural ("一个" reads better than "1 个").
        const used = (s: string) => names(s).filter((name) => name !== 'count')
        return english !== undefined && used(english).join() !== used(text).join()
      })
      .map(([key]) => key)
    expect(differing).toEqual([])
  })

  it('has a message for every literal key the renderer asks for', () => {
    const asked = new Map<string, string>()
    for (const file of sourceFiles('src/renderer/src'))
      walk(file, (node, source) => {
        if (!ts.isCallExpression(node)) return
        const callee = node.expression.getText(source)
        if (callee !== 't' && !callee.endsWith('.t')) return
        const [first] = node.arguments
        if (first && ts.isStringLiteral(first)) asked.set(first.text, where(node, source))
      })
    expect(asked.size).toBeGreaterThan(100)
    const report = (language: 'en' | 'zh') =>
      missingIn(language, asked.keys()).map((key) => `${key} (${asked.get(key)})`)
    expect(report('en')).toEqual([])
    expect(report('zh')).toEqual([])
  }, 30_000) // parses every renderer file with the TypeScript compiler: slow on a busy machine
})

describe('host errors carry a key', () => {
  it('names a message key wherever a QuireError is made from words', () => {
    const unkeyed: string[] = []
    // The quire command prints English to a terminal and never reaches the interface.
    const files = [
      ...sourceFiles('src/core'),
      ...sourceFiles('src/shared'),
      ...sourceFiles('src/main'),
      ...sourceFiles('src/web'),
      ...sourceFiles('src/renderer/src'),
    ]
    for (const file of files.filter((f) => readFileSync(f, 'utf8').includes('new QuireError(')))
      walk(file, (node, source) => {
        if (!ts.isNewExpression(node) || node.expression.getText(source) !== 'QuireError') return
        const [, message, key] = node.arguments ?? []
        const written =
          message &&
          (ts.isStringLiteral(message) ||
            ts.isTemplateExpression(message) ||
            ts.isNoSubstitutionTemplateLiteral(message))
        if (written && key === undefined) unkeyed.push(where(node, source))
      })
    expect(unkeyed).toEqual([])
  })
})

describe('the interface has no literal text', () => {
  it('finds no words in TSX outside i18n', () => {
    const found = sourceFiles('src/renderer/src')
      .filter((file) => file.endsWith('.tsx'))
      .flatMap(literalUiText)
    expect(found).toEqual([])
  })
})

describe('host errors are worded in the interface language', () => {
  it("never shows a caught error's or a library problem's own English", () => {
    // The host's message is English; the interface words it by key (i18n/hostText.ts), and only
    // that file may fall back to it.
    const exempt = /hostText\.ts$/
    const raw: string[] = []
    for (const file of sourceFiles('src/renderer/src').filter((f) => !exempt.test(f)))
      walk(file, (node, source) => {
        if (!ts.isPropertyAccessExpression(node) || node.name.text !== 'message') return
        // Carried on as a keyed message's English fallback (`message: problem.message`) is fine.
        let parent = node.parent
        while (
          ts.isBinaryExpression(parent) &&
          parent.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken
        )
          parent = parent.parent
        if (ts.isPropertyAssignment(parent) && parent.name.getText(source) === 'message') return
        const of = node.expression.getText(source)
        if (/^(error|cause|p|problem|answer|alternative)$|\.answer$|^toErrorPayload\(/.test(of))
          raw.push(where(node, source))
      })
    expect(raw).toEqual([])
  })
})
