import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import type { EngineStatus } from '@shared/contract'
import { engineStateText } from '../../../../src/renderer/src/engine/EngineStatusBar'
import { contentLang } from '../../../../src/renderer/src/editor/plugins/ContentLanguage'
import { htmlLang, resolveUiLanguage, resources } from '../../../../src/renderer/src/i18n'
import { resolveTheme } from '../../../../src/renderer/src/settings/appearance'

const idle: EngineStatus = {
  state: 'idle',
  model: null,
  loadingPath: null,
  loadProgress: null,
  notice: null,
}

describe('language and theme choices', () => {
  it('follows the system only when the writer chose "system"', () => {
    expect(resolveUiLanguage('system', ['zh-TW', 'en'])).toBe('zh')
    expect(resolveUiLanguage('system', ['en-GB'])).toBe('en')
    expect(resolveUiLanguage('en', ['zh-CN'])).toBe('en')
    expect(htmlLang('zh')).toBe('zh-CN')
    expect(resolveTheme('system', true)).toBe('dark')
    expect(resolveTheme('light', true)).toBe('light')
  })

  it("tags the content by the document's script, not the interface language", () => {
    expect(contentLang('春眠不觉晓，处处闻啼鸟。A few words.', 'en')).toBe('zh-CN')
    expect(contentLang('An English essay with 一个 word.', 'zh')).toBe('en')
    expect(contentLang('', 'zh')).toBe('zh-CN')
  })
})

describe('the engine status', () => {
  it('names the server in use, reachable or not, instead of "No model loaded"', async () => {
    const instance = i18next.createInstance()
    await instance.init({ resources, lng: 'en', interpolation: { escapeValue: false } })
    const remote = { ...idle, remote: { server: '127.0.0.1:9' } }
    expect(engineStateText(instance.t, 'idle', remote)).toBe('Remote: 127.0.0.1:9 (not reachable)')
    expect(engineStateText(instance.t, 'idle', idle)).toBe('No model loaded')
    await instance.changeLanguage('zh')
    expect(engineStateText(instance.t, 'idle', remote)).toBe('远程：127.0.0.1:9（无法连接）')
  })
})
