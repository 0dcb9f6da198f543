import { describe, expect, it } from 'vitest'
import { cleanPartial, runPipeline, type StepSpec } from '@shared/postprocess'

const steps: StepSpec[] = ['strip-think', 'strip-preamble', 'normalize-punctuation']

/** What the card shows after each token, when tokens are single characters. */
function frames(answer: string, list: StepSpec[] = steps): string[] {
  const chars = Array.from(answer)
  return chars.map((_, i) => cleanPartial(chars.slice(0, i + 1).join(''), list))
}

describe('cleanPartial', () => {
  it('never shows reasoning, even half a tag of it', () => {
    const answer = '<think>The user wants a lyrical rewrite.</think>\n\nThe wind was soft.'
    for (const frame of frames(answer)) {
      expect(frame).not.toContain('<')
      expect(frame).not.toContain('user')
    }
    expect(frames(answer).at(-1)).toBe('The wind was soft.')
  })

  it('never shows an acknowledgement line, in English or Chinese', () => {
    const english = "Sure! Here's the rewritten text:\n\nThe wind was soft. The leaves fell."
    const chinese = '好的，以下是改写后的内容：\n\n秋风吹过老街。落叶纷纷。'
    for (const frame of [...frames(english), ...frames(chinese)]) {
      expect(frame).not.toMatch(/Sure|Here|好的|以下/)
    }
    expect(frames(english).at(-1)).toBe('The wind was soft. The leaves fell.')
    expect(frames(chinese).at(-1)).toBe('秋风吹过老街。落叶纷纷。')
  })

  it('does not flash a trailing offer while it streams', () => {
    const answer = "The wind was soft.\n\nLet me know if you'd like changes!"
    for (const frame of frames(answer)) expect(frame).not.toMatch(/Let|know/)
  })

  it('shows prose that only starts like a preamble as soon as it is clearly prose', () => {
    const answer = '当我走进老街，秋风正好吹过。'
    expect(frames(answer)[2]).toBe('当我走')
    const english = 'Here in the valley the wind is soft. The river runs slow.'
    expect(frames(english).at(-1)).toBe(english)
    expect(frames(english).some((frame) => frame.startsWith('Here in the valley'))).toBe(true)
    expect(frames(english)[english.indexOf(' The river') + 2]).toContain('Here in the valley')
  })

  it('only grows as text arrives once the preamble is past', () => {
    const answer = '好的！\n\n秋风吹过老街，落叶纷纷。远处有人在唱歌。'
    const shown = frames(answer).filter((frame) => frame !== '')
    shown.forEach((frame, i) => {
      if (i > 0) expect(frame.startsWith(shown[i - 1] ?? '')).toBe(true)
    })
  })

  it('applies only the streaming steps the prompt lists', () => {
    expect(cleanPartial('<think>x</think>Sure! Hi', ['strip-preamble'])).toBe(
      '<think>x</think>Sure! Hi',
    )
    expect(cleanPartial('<think>x</think>今天,很好', ['strip-think'])).toBe('今天,很好')
    expect(cleanPartial('Sure! Hi', [])).toBe('Sure! Hi')
  })

  it('agrees with the finished pipeline on a finished answer', () => {
    const answer = '<think>plan</think>\n好的，以下是改写：\n\n秋风吹过老街。\n\n希望你喜欢！'
    const list: StepSpec[] = ['strip-think', 'strip-preamble']
    expect(cleanPartial(answer, list)).toBe(runPipeline(answer, list, { language: 'zh' }).text)
  })
})
