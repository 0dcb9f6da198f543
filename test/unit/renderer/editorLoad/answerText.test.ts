import { describe, expect, it } from 'vitest'
import {
  alternativeReducer,
  answerText,
  newAlternative,
} from '../../../../src/renderer/src/editor/plugins/Suggestion/alternative'
import { cleanPartial } from '../../../../src/shared/postprocess'

describe('a streaming answer cleaned once per state', () => {
  it('follows every delta and each set of steps, as cleaning it afresh would', () => {
    const preamble = ['strip-preamble'] as const
    const none = [] as const
    let alt = newAlternative('r1', 1)
    let raw = ''
    for (const text of ['Sure! Here is the rewrite:\n\n', 'The lamps ', 'came on, one by one.']) {
      alt = alternativeReducer(alt, { type: 'deltas', requestId: 'r1', text, tokens: 1 })
      raw += text
      expect(answerText(alt, preamble)).toBe(cleanPartial(raw, preamble))
      // Asked again (the card asks several times per render) and with other steps.
      expect(answerText(alt, preamble)).toBe(cleanPartial(raw, preamble))
      expect(answerText(alt, none)).toBe(raw)
      expect(answerText(alt, preamble)).toBe(cleanPartial(raw, preamble))
    }
    expect(answerText(alt, preamble)).toBe('The lamps came on, one by one.')
  })
})
