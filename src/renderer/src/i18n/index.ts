import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import en from './locales/en.json'
import zh from './locales/zh.json'

/** The interface language: Chinese when the system prefers it, English otherwise. */
export function preferredLanguage(languages: readonly string[] = navigator.languages): 'zh' | 'en' {
  return languages.some((language) => language.toLowerCase().startsWith('zh')) ? 'zh' : 'en'
}

export async function setUpI18n(): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, zh: { translation: zh } },
    lng: preferredLanguage(),
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  })
  return i18next
}
