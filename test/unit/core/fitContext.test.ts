import { describe, expect, it } from 'vitest'
import { fitToContext, type Measure } from '@core/library/fitContext'
import type { RenderedPrompt } from '@shared/prompts/render'
import { testSampling } from '../../support/sampling'

/** One token per character, in a context of `size` tokens. */
const measureChars =
  (size: number): Measure =>
  async (system, user) => ({ promptTokens: system.length + user.length, contextSize: size })

const render =
  (selection: string, maxTokens: number) =>
  (before: string): RenderedPrompt => ({
    promptId: 'continue.next',
    kind: 'continue',
    apply: 'insert-after',
    lora: [],
    language: 'en',
    system: 'S',
    user: `${before}|${selection}`,
    sampling: testSampling({ maxTokens }),
  })

describe('fitToContext', () => {
  it('leaves a prompt that fits alone', async () => {
    const rendered = await fitToContext(render('sel', 10), measureChars(100), 'abc', 'sel')
    expect(rendered.user).toBe('abc|sel')
  })

  it('trims the text before the selection from its start, keeping as much as fits', async () => {
    const before = '0123456789'.repeat(10)
    const rendered = await fitToContext(
      render('selection', 20),
      measureChars(80),
      before,
      'selection',
    )
    // 80 tokens - 20 for the answer = 60 for the prompt: S + | + selection = 11, so 49 of before.
    expect(rendered.user).toBe(`${before.slice(-49)}|selection`)
  })

  it('never trims the selection, and names both sizes when it cannot fit', async () => {
    const selection = 'x'.repeat(90)
    await expect(
      fitToContext(render(selection, 20), measureChars(80), 'before', selection),
    ).rejects.toMatchObject({
      code: 'context-overflow',
      message: expect.stringMatching(/selection is about 90 tokens.*needs 112.*holds 80/),
    })
  })

  it('does not split a surrogate pair when it trims', async () => {
    const before = '😀'.repeat(30)
    const rendered = await fitToContext(render('s', 10), measureChars(40), before, 's')
    expect(rendered.user.startsWith('\uDE00')).toBe(false)
  })
})
