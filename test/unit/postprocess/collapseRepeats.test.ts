import { describe, expect, it } from 'vitest'
import { runPipeline } from '@shared/postprocess'

const collapse = (text: string, language: 'zh' | 'en' = 'zh'): string =>
  runPipeline(text, ['collapse-repeats'], { language }).text

describe('collapse-repeats', () => {
  it.each([
    ['非常非常非常好', '非常好'],
    ['我爱你我爱你我爱你我爱你', '我爱你'],
    ['他说说说：走吧', '他说说：走吧'],
    ['秋天的风秋天的风秋天的风吹过', '秋天的风吹过'],
    ['好坏好坏好坏好坏好坏好坏', '好坏'],
    ['The the cat sat.', 'The cat sat.'],
    ['the cat is very very very cute', 'the cat is very cute'],
    ['I love you I love you I love you.', 'I love you.'],
    ['We walked and walked and walked and walked home.', 'We walked and walked home.'],
    ['我在 Paris Paris Paris 等你', '我在 Paris 等你'],
  ])('%j → %j', (input, output) => {
    expect(collapse(input)).toBe(output)
  })

  it.each([
    // Two-fold reduplication is Chinese, not a stutter.
    '我们慢慢地走，看看风景。',
    '高高兴兴地回家',
    '天天向上，人人平等',
    '他们说说笑笑，走走停停。',
    // Laughter and sound words repeat on purpose.
    '哈哈哈，你也来了？',
    '滴滴滴，闹钟响了。',
    // English doubles that are grammar or idiom.
    'He had had enough.',
    'She said that that was fine.',
    'Bye bye, see you.',
    'very, very, very good',
    'one two three four',
  ])('leaves %j alone', (text) => {
    expect(collapse(text)).toBe(text)
  })
})
