import { describe, expect, it } from 'vitest'
import { runPipeline } from '@shared/postprocess'

const strip = (text: string, language: 'zh' | 'en' = 'zh'): string =>
  runPipeline(text, ['strip-preamble'], { language }).text

describe('strip-preamble', () => {
  it.each([
    // Leading acknowledgements and introductions.
    ["Sure! Here's the rewritten text:\n\nThe wind was soft.", 'The wind was soft.'],
    ['Here is a poem about autumn:\nLeaves fall\non the old road', 'Leaves fall\non the old road'],
    ['Certainly.\nHere are three titles:\n1. Rain', '1. Rain'],
    ["I've rewritten the passage in a lyrical style:\n\nThe wind was soft.", 'The wind was soft.'],
    ['好的，以下是改写后的内容：\n\n秋风吹过老街。', '秋风吹过老街。'],
    ['以下是续写的部分：\n秋风吹过老街。', '秋风吹过老街。'],
    ['以下是改写后的内容：秋风吹过老街。', '秋风吹过老街。'],
    ['改写后的段落如下：\n秋风吹过老街。', '秋风吹过老街。'],
    ['好的！\n\n秋风吹过老街。', '秋风吹过老街。'],
    ["Sure! Let's see how this reads:\nThe wind was soft.", 'The wind was soft.'],
    // Trailing offers.
    ["The wind was soft.\n\nLet me know if you'd like any changes!", 'The wind was soft.'],
    ['The wind was soft. I hope this helps!', 'The wind was soft.'],
    [
      'The wind was soft.\n\nIf you would like a different tone, just say so.',
      'The wind was soft.',
    ],
    ['秋风吹过老街。\n\n希望对你有帮助！', '秋风吹过老街。'],
    ['秋风吹过老街。希望这段改写符合你的要求。', '秋风吹过老街。'],
    ['秋风吹过老街。\n\n---\n如果需要调整风格，请随时告诉我。', '秋风吹过老街。'],
    // Wrapped answers.
    ['“秋风吹过老街，落叶纷纷。”', '秋风吹过老街，落叶纷纷。'],
    ['"The wind was soft."', 'The wind was soft.'],
    ['「秋风吹过老街。」', '秋风吹过老街。'],
    ['```\nThe wind was soft.\n```', 'The wind was soft.'],
    ['```text\n秋风吹过老街。\n```', '秋风吹过老街。'],
    // Labels.
    ['Rewritten: The wind was soft.', 'The wind was soft.'],
    ['改写：秋风吹过老街。', '秋风吹过老街。'],
    ['**Revised version:**\nThe wind was soft.', 'The wind was soft.'],
    // All at once, in layers.
    ['好的，以下是改写：\n\n“秋风吹过老街。”\n\n希望你喜欢！', '秋风吹过老街。'],
  ])('%j → %j', (input, output) => {
    expect(strip(input)).toBe(output)
  })

  it.each([
    // Prose that only looks like a preamble stays.
    'Sure enough, the rain came before noon.',
    '当然，这只是开始。',
    '当我走进老街，秋风正好吹过。',
    'Here in the valley, the wind is always soft.',
    'Here is the thing: I never loved the sea.',
    '这是我第一次看见海。',
    '如果明天下雨，我们就不去了。',
    'If you want to see the sea, go north.',
    'I hope you come back.',
    '“你好。”她说，“我们又见面了。”',
    '“A.” and “B.”',
    '好的文字不需要解释。',
    'Of course, there was one problem:\nThe door was locked.',
    '当然，问题还有一个：\n门是锁着的。',
  ])('leaves %j alone', (text) => {
    expect(strip(text)).toBe(text)
  })

  it('never removes the answer itself: an answer that is only a preamble comes back raw', () => {
    const result = runPipeline("Sure! Here's the rewritten text:", ['strip-preamble'], {
      language: 'en',
    })
    expect(result.text).toBe("Sure! Here's the rewritten text:")
  })
})
