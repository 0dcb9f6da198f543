import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  defaultReportLanguage,
  languageOfLocale,
  settingsUiLanguage,
  systemLocale,
} from '@core/eval/reportLanguage'

const dataDir = async (settings?: string) => {
  const dir = await mkdtemp(join(tmpdir(), 'quire-report-lang-'))
  if (settings !== undefined) await writeFile(join(dir, 'settings.json'), settings)
  return dir
}

describe('the language of report.html without --lang', () => {
  it('reads a Chinese locale as Chinese and anything else as English', () => {
    expect(languageOfLocale('zh_CN.UTF-8')).toBe('zh')
    expect(languageOfLocale('zh-Hant-TW')).toBe('zh')
    expect(languageOfLocale('zh')).toBe('zh')
    expect(languageOfLocale('en_GB.UTF-8')).toBe('en')
    expect(languageOfLocale('zu_ZA')).toBe('en')
  })

  it('takes the system locale from LC_ALL, then LC_MESSAGES, then LANG, skipping C', () => {
    expect(systemLocale({ LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh_CN.UTF-8')
    expect(systemLocale({ LC_ALL: 'C', LC_MESSAGES: 'zh_TW', LANG: 'en_US' })).toBe('zh_TW')
    expect(systemLocale({ LANG: 'en_US.UTF-8' })).toBe('en_US.UTF-8')
  })

  it('follows the interface language chosen in Settings over the system’s', async () => {
    const zhSettings = await dataDir(JSON.stringify({ uiLanguage: 'zh' }))
    expect(await defaultReportLanguage(zhSettings, { LANG: 'en_US.UTF-8' })).toBe('zh')
    const enSettings = await dataDir(`\uFEFF${JSON.stringify({ uiLanguage: 'en' })}`)
    expect(await defaultReportLanguage(enSettings, { LANG: 'zh_CN.UTF-8' })).toBe('en')
  })

  it('falls back to the system when Settings leave it to the system, or cannot be read', async () => {
    const system = await dataDir(JSON.stringify({ uiLanguage: 'system' }))
    expect(await settingsUiLanguage(system)).toBeNull()
    expect(await defaultReportLanguage(system, { LANG: 'zh_CN.UTF-8' })).toBe('zh')
    const broken = await dataDir('{"uiLanguage": "zh"')
    expect(await defaultReportLanguage(broken, { LANG: 'en_US' })).toBe('en')
    expect(await defaultReportLanguage(await dataDir(), { LC_ALL: 'zh_SG' })).toBe('zh')
  })
})
