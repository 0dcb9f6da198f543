import { describe, expect, it } from 'vitest'
import { runPipeline } from '@shared/postprocess'

const lines = (text: string, limit: number) =>
  runPipeline(text, [{ 'max-lines': limit }], { language: 'zh' })

describe('max-lines', () => {
  it.each([
    [
      '床前明月光\n疑是地上霜\n举头望明月\n低头思故乡\n（完）',
      4,
      '床前明月光\n疑是地上霜\n举头望明月\n低头思故乡',
    ],
    ['one\ntwo\n\nthree\nfour', 3, 'one\ntwo\n\nthree'],
    ['\n\none\n\ntwo\nthree', 2, '\n\none\n\ntwo'],
    ['one\ntwo\n', 2, 'one\ntwo\n'],
    ['one\ntwo', 5, 'one\ntwo'],
  ])('%j at %i → %j', (input, limit, output) => {
    expect(lines(input, limit).text).toBe(output)
  })

  it('runs after the other steps, whatever the listed order', () => {
    const text = '好的，以下是诗：\n山很高\n水很长\n山很高\n云很淡'
    const result = runPipeline(text, [{ 'max-lines': 2 }, 'strip-preamble', 'dedupe-sentences'], {
      language: 'zh',
    })
    expect(result.text).toBe('山很高\n水很长')
    expect(result.changes.map((change) => change.step)).toEqual([
      'strip-preamble',
      'dedupe-sentences',
      'max-lines',
    ])
  })
})
