import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  cleanPartial,
  defaultReplacements,
  runPipeline,
  runStep,
  stepIds,
  toStepCall,
  type PhrasePair,
  type PipelineResult,
  type StepSpec,
} from '@shared/postprocess'

/** Pieces of real answers and the traps the steps must handle, to build texts from. */
const fragments = [
  '风很轻',
  '云很淡',
  '秋天的风',
  '吹过老街',
  '非常',
  '看看',
  '慢慢',
  '高高兴兴',
  '哈哈哈',
  '我用',
  'ChatGPT',
  'GPT-4.5',
  '3.14',
  '10:30',
  '1,000',
  'e.g.',
  'Dr.',
  'https://example.com/a,b',
  'test.user@example.com',
  'the',
  'wind',
  'The',
  'soft',
  'very',
  'is',
  "don't",
  '。',
  '，',
  '！',
  '？',
  '：',
  '；',
  '、',
  '（',
  '）',
  '“',
  '”',
  '‘',
  '’',
  '「',
  '」',
  '.',
  ',',
  '!',
  '?',
  ':',
  ';',
  '(',
  ')',
  '"',
  "'",
  '...',
  '…',
  '……',
  '。。。',
  '--',
  '——',
  ' ',
  ' ',
  '  ',
  '\n',
  '\n\n',
  '\t',
  '　',
  '<think>',
  '</think>',
  '```',
  '---',
  '**',
  'Sure! ',
  "Here's the rewritten text:\n",
  '好的，以下是改写后的内容：\n',
  '改写：',
  'Rewritten: ',
  "\nLet me know if you'd like changes!",
  '希望对你有帮助！',
  '如果需要调整风格，请随时告诉我。',
  '这是一个很好的问题',
  '你可以考虑',
  'delve into',
  "It's important to note that",
]

const answer = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .array(fc.constantFrom(...fragments), { maxLength: 40 })
      .map((parts) => parts.join('')),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  {
    weight: 1,
    arbitrary: fc
      .array(
        fc.constantFrom(
          '风',
          '云',
          'a',
          'B',
          '1',
          '.',
          '。',
          ',',
          '，',
          '"',
          '“',
          '”',
          ' ',
          '\n',
          '(',
          ')',
          '…',
          '-',
          "'",
          '：',
        ),
        { maxLength: 40 },
      )
      .map((chars) => chars.join('')),
  },
)

const stepSpec: fc.Arbitrary<StepSpec> = fc.oneof(
  fc.constantFrom<StepSpec>(
    'strip-think',
    'strip-preamble',
    'dedupe-sentences',
    'collapse-repeats',
    'normalize-punctuation',
    'replace-phrases',
    'language-guard',
  ),
  fc.integer({ min: 1, max: 40 }).map((limit): StepSpec => ({ 'trim-length': limit })),
  fc.integer({ min: 1, max: 6 }).map((limit): StepSpec => ({ 'max-lines': limit })),
)
const steps = fc.array(stepSpec, { minLength: 1, maxLength: 8 })
const language = fc.constantFrom('zh' as const, 'en' as const)

/** The marks the issue lets the pipeline write: full- and half-width punctuation, ellipses, spaces. */
const ALLOWED_MARKS = new Set([...'，。？！：；（）“”‘’…—,.?!:;() '])

function invented(result: PipelineResult, replacements: readonly PhrasePair[]): string[] {
  const from = new Set([...result.raw, ...replacements.flatMap(([, to]) => [...to])])
  return [...result.text].filter((char) => !from.has(char) && !ALLOWED_MARKS.has(char))
}

const runs = { numRuns: 400 }

describe('pipeline properties', () => {
  it('is idempotent: running it on its own output changes nothing', () => {
    fc.assert(
      fc.property(answer, steps, language, (text, list, lang) => {
        const once = runPipeline(text, list, { language: lang })
        const twice = runPipeline(once.text, list, { language: lang })
        expect(twice.text).toBe(once.text)
        expect(twice.changes).toEqual([])
      }),
      runs,
    )
  })

  it('never empties a non-empty answer, and flags when it keeps the raw text', () => {
    fc.assert(
      fc.property(answer, steps, language, (text, list, lang) => {
        const result = runPipeline(text, list, { language: lang })
        if (text.trim() !== '') expect(result.text.trim()).not.toBe('')
        if (result.flags.keptRaw) expect(result.text).toBe(text)
      }),
      runs,
    )
  })

  it('never invents text: every character comes from the input, a replacement or the marks', () => {
    fc.assert(
      fc.property(answer, steps, language, (text, list, lang) => {
        const result = runPipeline(text, list, { language: lang })
        expect(invented(result, defaultReplacements[lang])).toEqual([])
      }),
      runs,
    )
  })

  it('reports changes that rebuild the cleaned text from the raw one', () => {
    fc.assert(
      fc.property(answer, steps, language, (text, list, lang) => {
        const result = runPipeline(text, list, { language: lang })
        let current = result.raw
        for (const change of result.changes) {
          let rebuilt = ''
          let at = 0
          for (const edit of change.edits) {
            expect(current.slice(edit.at, edit.at + edit.removed.length)).toBe(edit.removed)
            rebuilt += current.slice(at, edit.at) + edit.inserted
            at = edit.at + edit.removed.length
          }
          current = rebuilt + current.slice(at)
        }
        expect(current).toBe(result.text)
      }),
      runs,
    )
  })

  it.each(stepIds.filter((id) => id !== 'trim-length' && id !== 'max-lines'))(
    '%s on its own is idempotent',
    (id) => {
      const call = toStepCall(id as StepSpec)
      fc.assert(
        fc.property(answer, language, (text, lang) => {
          const context = { language: lang, replacements: defaultReplacements[lang] }
          const once = runStep(call, text, context).text
          expect(runStep(call, once, context).text).toBe(once)
        }),
        runs,
      )
    },
  )

  it.each(['trim-length', 'max-lines'] as const)('%s on its own is idempotent', (id) => {
    fc.assert(
      fc.property(answer, fc.integer({ min: 1, max: 40 }), language, (text, limit, lang) => {
        const call = toStepCall(
          id === 'trim-length' ? { 'trim-length': limit } : { 'max-lines': limit },
        )
        const context = { language: lang, replacements: defaultReplacements[lang] }
        const once = runStep(call, text, context).text
        expect(runStep(call, once, context).text).toBe(once)
      }),
      runs,
    )
  })

  it('shows only text from the answer while it streams, in its order', () => {
    const isSubsequence = (part: string, whole: string): boolean => {
      const chars = Array.from(part)
      let at = 0
      for (const char of whole) if (char === chars[at]) at++
      return at === chars.length
    }
    fc.assert(
      fc.property(answer, fc.nat(), steps, (text, cut, list) => {
        const prefix = text.slice(0, cut % (text.length + 1))
        expect(isSubsequence(cleanPartial(prefix, list), prefix)).toBe(true)
      }),
      runs,
    )
  })
})
