import type { Language } from '@shared/contract'

/** Appended to the prompt when the first answer came back in the other language. */
export function firmerLanguageInstruction(language: Language): string {
  return language === 'zh'
    ? '重要：只用简体中文写作。除专有名词外，不要使用英文。'
    : 'Important: write only in English. Do not use Chinese except for proper names.'
}
