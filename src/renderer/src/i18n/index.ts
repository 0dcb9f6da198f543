import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { UiLanguage } from '@shared/settings/schema'
import en from './locales/en.json'
import hostEn from './locales/host.en.json'
import hostZh from './locales/host.zh.json'
import zh from './locales/zh.json'

/** Every text the interface shows, by language: its own, and the words for host messages. */
export const resources = {
  en: { translation: { ...en, host: hostEn } },
  zh: { translation: { ...zh, host: hostZh } },
} as const

/** The interface language: Chinese when the system prefers it, English otherwise. */
export function preferredLanguage(languages: readonly string[] = navigator.languages): 'zh' | 'en' {
  return languages.some((language) => language.toLowerCase().startsWith('zh')) ? 'zh' : 'en'
}

/** The language the writer chose, with "system" read from the browser's languages. */
export function resolveUiLanguage(
  choice: UiLanguage,
  languages: readonly string[] = navigator.languages,
): 'zh' | 'en' {
  return choice === 'system' ? preferredLanguage(languages) : choice
}

/** The BCP 47 tag for `<html lang>`: screen readers and fonts pick Chinese glyphs from it. */
export const htmlLang = (language: string): string => (language.startsWith('zh') ? 'zh-CN' : 'en')

const LANGUAGE_KEY = 'quire.uiLanguage'

/** The choice remembered on this device, so the first paint is already in the right language. */
export function rememberedUiLanguage(): UiLanguage {
  const stored = window.localStorage.getItem(LANGUAGE_KEY)
  return stored === 'en' || stored === 'zh' ? stored : 'system'
}

/** Switches the interface language; the settings file is the record, this device keeps a copy. */
export async function applyUiLanguage(choice: UiLanguage): Promise<void> {
  window.localStorage.setItem(LANGUAGE_KEY, choice)
  await i18next.changeLanguage(resolveUiLanguage(choice))
}

export async function setUpI18n(): Promise<typeof i18next> {
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = htmlLang(language)
  })
  await i18next.use(initReactI18next).init({
    resources,
    lng: resolveUiLanguage(rememberedUiLanguage()),
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  })
  document.documentElement.lang = htmlLang(i18next.language)
  return i18next
}
