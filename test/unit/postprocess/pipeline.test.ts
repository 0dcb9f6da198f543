import { describe, expect, it } from 'vitest'
import { runPipeline, type StepSpec } from '@shared/postprocess'

describe('runPipeline', () => {
  it('cleans a typical small-model answer with a prompt’s steps', () => {
    const raw =
      '<think>\n\n</think>\n\n好的，以下是改写后的内容：\n\n秋风吹过老街.落叶非常非常非常轻.秋风吹过老街。你可以考虑慢慢走走!\n\n希望对你有帮助！'
    const steps: StepSpec[] = [
      'strip-think',
      'strip-preamble',
      'dedupe-sentences',
      'collapse-repeats',
      'normalize-punctuation',
      'replace-phrases',
      { 'trim-length': 200 },
      'language-guard',
    ]
    const result = runPipeline(raw, steps, { language: 'zh' })
    expect(result.text).toBe('秋风吹过老街。落叶非常轻。不妨试试慢慢走走！')
    expect(result.raw).toBe(raw)
    expect(result.flags).toEqual({ languageMismatch: false, keptRaw: false, truncated: false })
    expect(result.changes.map((change) => change.step)).toEqual([
      'strip-think',
      'strip-preamble',
      'dedupe-sentences',
      'collapse-repeats',
      'normalize-punctuation',
      'replace-phrases',
    ])
  })

  it('runs the steps in the listed order', () => {
    // Cutting before the preamble is gone keeps the preamble and loses the answer.
    const text = 'Sure!\nThe wind was soft today.'
    const cutFirst = runPipeline(text, [{ 'trim-length': 3 }, 'strip-preamble'], { language: 'en' })
    const stripFirst = runPipeline(text, ['strip-preamble', { 'trim-length': 3 }], {
      language: 'en',
    })
    expect(cutFirst.text).toBe('Sure!')
    expect(stripFirst.text).toBe('The wind was')
    expect(stripFirst.changes.map((change) => change.step)).toEqual([
      'strip-preamble',
      'trim-length',
    ])
  })

  it('repeats the list until the text settles, so its output is already clean', () => {
    // Deduping before replacing misses a repeat the replacement creates; the next round takes it.
    const text = '你可以考虑出门。不妨试试出门。'
    const result = runPipeline(text, ['dedupe-sentences', 'replace-phrases'], { language: 'zh' })
    expect(result.text).toBe('不妨试试出门。')
    expect(result.changes.map((change) => change.step)).toEqual([
      'replace-phrases',
      'dedupe-sentences',
    ])
  })

  it('records each change as edits against the text the step received', () => {
    const result = runPipeline('风很轻。云很淡。风很轻。', ['dedupe-sentences'], { language: 'zh' })
    expect(result.changes).toEqual([
      { step: 'dedupe-sentences', edits: [{ at: 8, removed: '风很轻。', inserted: '' }] },
    ])
    const marks = runPipeline('好,好!', ['normalize-punctuation'], { language: 'zh' })
    expect(marks.changes[0]?.edits).toEqual([
      { at: 1, removed: ',', inserted: '，' },
      { at: 3, removed: '!', inserted: '！' },
    ])
  })

  it('lists no change when nothing changed', () => {
    const result = runPipeline('秋风吹过老街。', ['strip-think', 'dedupe-sentences'], {
      language: 'zh',
    })
    expect(result).toEqual({
      text: '秋风吹过老街。',
      raw: '秋风吹过老街。',
      changes: [],
      flags: { languageMismatch: false, keptRaw: false, truncated: false },
    })
  })

  it('returns the raw text, flagged, when the steps would empty the answer', () => {
    const raw = '<think>I should write about autumn but I ran out of tokens'
    const result = runPipeline(raw, ['strip-think', 'language-guard'], { language: 'zh' })
    expect(result.text).toBe(raw)
    expect(result.flags.keptRaw).toBe(true)
    expect(result.changes).toEqual([])
    expect(result.flags.languageMismatch).toBe(true)
  })

  it('leaves an empty answer empty without calling it kept', () => {
    expect(runPipeline('', ['strip-think'], { language: 'en' })).toMatchObject({
      text: '',
      flags: { keptRaw: false },
    })
  })

  it('flags a cut from trim-length or max-lines', () => {
    expect(
      runPipeline('风很轻。云很淡。', [{ 'trim-length': 3 }], { language: 'zh' }).flags.truncated,
    ).toBe(true)
    expect(runPipeline('a\nb\nc', [{ 'max-lines': 2 }], { language: 'en' }).flags.truncated).toBe(
      true,
    )
  })

  it('settles work one step reveals for another listed before it', () => {
    // max-lines runs last and exposes an offer line; the next round's strip-preamble takes it.
    const text = "Line one\nLet me know if you'd like changes!\nLine three"
    const result = runPipeline(text, ['strip-preamble', { 'max-lines': 2 }], { language: 'en' })
    expect(result.text).toBe('Line one')
  })
})
