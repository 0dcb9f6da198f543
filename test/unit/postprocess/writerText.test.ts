import { describe, expect, it } from 'vitest'
import { runPipeline, type StepSpec } from '@shared/postprocess'

/** Regressions from the review: steps that damaged a writer's real text. */
const run = (text: string, step: StepSpec, language: 'zh' | 'en') =>
  runPipeline(text, [step], { language })

describe('collapse-repeats keeps language, collapses stutters', () => {
  it.each([
    // A single CJK character never goes below two.
    ['zh', '谢谢谢谢！', '谢谢！'],
    ['zh', '对对对', '对对'],
    ['zh', '好好好好好，我知道了。', '好好，我知道了。'],
    // A unit of two or more characters still becomes one.
    ['zh', '非常非常非常好', '非常好'],
    ['zh', '他一步一步一步地走', '他一步地走'],
    // Latin: only a lowercase function word said twice collapses.
    ['en', 'the the cat', 'the cat'],
    ['en', 'I went to to the shop.', 'I went to the shop.'],
    ['en', 'The the cat sat.', 'The cat sat.'],
    ['en', 'I I think so.', 'I think so.'],
    // Three or more of other words still collapse.
    ['en', 'very very very good', 'very good'],
  ] as const)('%s %j → %j', (language, input, output) => {
    expect(run(input, 'collapse-repeats', language).text).toBe(output)
  })

  it.each([
    ['zh', '谢谢你。'],
    ['zh', '他一步一步地走。'],
    ['zh', '对对，就是这样。'],
    ['en', 'We flew to Bora Bora.'],
    ['en', 'There there, it will pass.'],
    ['en', 'Knock knock. Who is there?'],
    ['en', 'Well well, look who is here.'],
    ['en', 'bye bye, little bird'],
    ['en', 'ho ho ho, said Santa.'],
    ['en', 'Ho ho ho!'],
    ['en', 'ding ding ding, the bell rang.'],
    ['en', 'I gave her her coat.'],
    ['en', 'What it is is a mistake.'],
    ['en', 'That that is, is.'],
  ] as const)('%s leaves %j alone', (language, text) => {
    expect(run(text, 'collapse-repeats', language).text).toBe(text)
  })
})

describe('strip-preamble keeps prose', () => {
  it.each([
    ['en', 'Of course! she cried, and ran to the door.'],
    ['en', "Here's the thing: nobody knew.\nThe rest is history."],
    ['en', 'Here is what happened:\nThe door was open.'],
    ['en', 'Sure enough! The rain came.'],
    ['zh', '以下是他的回忆：\n那年夏天很热。'],
    ['zh', '没问题！他说着跑向门口。'],
    ['zh', '他的经历如下：\n那年夏天很热。'],
  ] as const)('%s leaves %j alone', (language, text) => {
    expect(run(text, 'strip-preamble', language).text).toBe(text)
  })

  it.each([
    ['en', "Sure! Here's the rewritten text:\nThe wind was soft.", 'The wind was soft.'],
    ['en', 'Sure!\nThe wind was soft.', 'The wind was soft.'],
    ['en', 'Here is the translation:\nThe wind was soft.', 'The wind was soft.'],
    ['en', 'Here are three titles:\n1. Rain', '1. Rain'],
    ['zh', '好的，以下是改写后的内容：\n秋风吹过老街。', '秋风吹过老街。'],
    ['zh', '以下是润色后的段落：\n秋风吹过老街。', '秋风吹过老街。'],
    ['zh', '以下是几个标题：\n秋风', '秋风'],
    ['zh', '好的。\n秋风吹过老街。', '秋风吹过老街。'],
    ['zh', '当然！\n秋风吹过老街。', '秋风吹过老街。'],
  ] as const)('%s %j → %j', (language, input, output) => {
    expect(run(input, 'strip-preamble', language).text).toBe(output)
  })
})

describe('max-lines keeps a title and all the verse', () => {
  it.each([
    [
      '《秋夜》\n\n床前明月光，\n疑是地上霜。\n举头望明月，\n低头思故乡。',
      4,
      '《秋夜》\n\n床前明月光，\n疑是地上霜。\n举头望明月，\n低头思故乡。',
    ],
    [
      '《秋夜》\n床前明月光，\n疑是地上霜。\n举头望明月，\n低头思故乡。\n（完）',
      4,
      '《秋夜》\n床前明月光，\n疑是地上霜。\n举头望明月，\n低头思故乡。',
    ],
    [
      '静夜思\n\n床前明月光，\n疑是地上霜。\n举头望明月。',
      2,
      '静夜思\n\n床前明月光，\n疑是地上霜。',
    ],
    ['**秋夜**\n床前明月光\n疑是地上霜\n举头望明月', 2, '**秋夜**\n床前明月光\n疑是地上霜'],
    ['# Autumn\n\nLeaves fall\non the road\nand stay', 2, '# Autumn\n\nLeaves fall\non the road'],
    [
      '**Autumn**\nLeaves fall\non the road\nand stay',
      3,
      '**Autumn**\nLeaves fall\non the road\nand stay',
    ],
    // A verse line with punctuation is no title, even with a blank line after it.
    ['床前明月光，\n\n疑是地上霜。\n举头望明月。', 2, '床前明月光，\n\n疑是地上霜。'],
    ['Leaves fall\n\non the road\nand stay', 2, 'Leaves fall\n\non the road'],
  ])('%j at %i → %j', (input, limit, output) => {
    expect(run(input, { 'max-lines': limit }, 'zh').text).toBe(output)
  })
})

describe('normalize-punctuation leaves English sentences that quote Chinese alone', () => {
  it.each([
    ['en', 'Li Bai wrote "床前明月光" in 726. She said "你好" to me.'],
    ['zh', 'Li Bai wrote "床前明月光" in 726. She said "你好" to me.'],
    ['en', 'The sign read "欢迎光临", so we went in.'],
  ] as const)('%s leaves %j alone', (language, text) => {
    expect(run(text, 'normalize-punctuation', language).text).toBe(text)
  })

  it.each([
    ['zh', '他说"你好"。', '他说“你好”。'],
    ['en', '他说"你好"。', '他说“你好”。'],
    ['zh', '他说："I love you."', '他说：“I love you.”'],
  ] as const)('%s %j → %j', (language, input, output) => {
    expect(run(input, 'normalize-punctuation', language).text).toBe(output)
  })
})

describe('trim-length keeps a kept sentence’s own mark and adds none', () => {
  it.each([
    ['zh', '今天天气不错！我们去散步吧。', 6, '今天天气不错！'],
    ['zh', '时间能覆盖爱情？我不知道。', 7, '时间能覆盖爱情？'],
    ['zh', '他问：“你去吗？”我说不去。', 6, '他问：“你去吗？”'],
    ['zh', '今天天气不错。我们去散步吧。', 6, '今天天气不错。'],
    ['en', 'Is it soft? It is. It rains.', 3, 'Is it soft?'],
    ['en', 'What a day! We walked home.', 3, 'What a day!'],
    ['en', 'It was soft. We walked home.', 3, 'It was soft.'],
  ] as const)('%s %j at %i → %j', (language, input, limit, output) => {
    const result = run(input, { 'trim-length': limit }, language)
    expect(result.text).toBe(output)
    expect(result.flags.truncated).toBe(true)
  })
})
