import type { Language } from '../contract/schemas'

const HAN = /\p{Script=Han}/gu
const LATIN_WORD = /\p{Script=Latin}+/gu

/** Counts the units a writer reads in each script: Chinese characters and Latin words. */
export function countScriptUnits(text: string): { han: number; latinWords: number } {
  return {
    han: text.match(HAN)?.length ?? 0,
    latinWords: text.match(LATIN_WORD)?.length ?? 0,
  }
}

/**
 * Picks the language of a passage by its majority script (Chinese characters against Latin
 * words); text with neither falls back to `fallback`.
 */
export function detectLanguage(text: string, fallback: Language = 'en'): Language {
  const { han, latinWords } = countScriptUnits(text)
  if (han === 0 && latinWords === 0) return fallback
  return han >= latinWords ? 'zh' : 'en'
}
