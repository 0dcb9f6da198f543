import type { Theme, UiLanguage } from '@shared/settings/schema'

/** The interface language and the theme, as the writer chose them. */
export type Appearance = { uiLanguage: UiLanguage; theme: Theme }

const THEME_KEY = 'quire.theme'
const DARK = '(prefers-color-scheme: dark)'

/** Light or dark, with "system" read from the operating system's setting. */
export function resolveTheme(theme: Theme, systemDark: boolean): 'light' | 'dark' {
  return theme === 'system' ? (systemDark ? 'dark' : 'light') : theme
}

/** The theme remembered on this device, so the first paint is not a flash of the other one. */
export function rememberedTheme(): Theme {
  const stored = window.localStorage.getItem(THEME_KEY)
  return stored === 'light' || stored === 'dark' ? stored : 'system'
}

/**
 * Puts a theme on `<html data-theme>` and keeps following the system while it is "system".
 * Returns a disposer that stops following.
 */
export function applyTheme(theme: Theme): () => void {
  window.localStorage.setItem(THEME_KEY, theme)
  const media = window.matchMedia(DARK)
  const paint = () => {
    document.documentElement.dataset.theme = resolveTheme(theme, media.matches)
  }
  paint()
  if (theme !== 'system') return () => undefined
  media.addEventListener('change', paint)
  return () => media.removeEventListener('change', paint)
}
