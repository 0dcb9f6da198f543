import type { Language } from '../contract/schemas'
import { countScriptUnits, detectLanguage } from '../text/script'
import type { Step } from './stepTypes'

/**
 * Is the answer mostly in the other language? Counted in the units a reader sees (Chinese
 * characters against Latin words), as `detectLanguage` counts them, so a Chinese answer that
 * names ChatGPT is still Chinese. Text with neither script is no mismatch.
 */
export function isLanguageMismatch(text: string, language: Language): boolean {
  const { han, latinWords } = countScriptUnits(text)
  if (han === 0 && latinWords === 0) return false
  return detectLanguage(text, language) !== language
}

/** Changes nothing; marks the result so the engine can retry once with a firmer instruction. */
export const languageGuard: Step<'language-guard'> = (text, _call, context) => ({
  text,
  languageMismatch: isLanguageMismatch(text, context.language),
})
