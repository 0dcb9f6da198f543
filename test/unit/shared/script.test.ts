import { describe, expect, it } from 'vitest'
import { countScriptUnits, detectLanguage } from '@shared/text/script'

describe('detectLanguage', () => {
  it.each([
    ['秋天的风吹过老街。', 'zh'],
    ['The autumn wind moved along the old street.', 'en'],
    ['我今天用 ChatGPT 写了一首诗', 'zh'],
    ['I visited 北京 last spring with my sister and her dog', 'en'],
    ['“你好，”她说。', 'zh'],
  ] as const)('reads %j as %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language)
  })

  it('falls back when there is no Chinese and no Latin text', () => {
    expect(detectLanguage('1234 !!! —', 'zh')).toBe('zh')
    expect(detectLanguage('', 'en')).toBe('en')
  })

  it('counts Chinese characters and Latin words as units', () => {
    expect(countScriptUnits('写 three words 好')).toEqual({ han: 2, latinWords: 2 })
  })
})
