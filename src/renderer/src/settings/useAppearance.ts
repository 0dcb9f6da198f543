import { useCallback, useEffect, useState } from 'react'
import type { QuireApi } from '@shared/contract'
import { applyUiLanguage, rememberedUiLanguage } from '../i18n'
import { applyTheme, rememberedTheme, type Appearance } from './appearance'

export type AppearanceControls = {
  appearance: Appearance
  /** Applies a change at once and saves it in the settings; null while saving, else the failure. */
  change(next: Partial<Appearance>): void
  saveError: unknown
}

/**
 * The interface language and theme: painted from this device's copy at once, then from the
 * settings file (the record, shared by every window and browser on this Quire).
 */
export function useAppearance(api: QuireApi): AppearanceControls {
  const [appearance, setAppearance] = useState<Appearance>(() => ({
    uiLanguage: rememberedUiLanguage(),
    theme: rememberedTheme(),
  }))
  const [saveError, setSaveError] = useState<unknown>(null)

  useEffect(() => {
    let live = true
    api.getSettings().then(
      (settings) => live && setAppearance(settings.appearance),
      () => undefined, // Not connected yet: the device's copy stays until Settings load.
    )
    return () => {
      live = false
    }
  }, [api])

  useEffect(() => applyTheme(appearance.theme), [appearance.theme])
  useEffect(() => {
    void applyUiLanguage(appearance.uiLanguage)
  }, [appearance.uiLanguage])

  const change = useCallback(
    (next: Partial<Appearance>) => {
      setAppearance((current) => ({ ...current, ...next }))
      setSaveError(null)
      api.updateSettings({ appearance: next }).catch((error: unknown) => setSaveError(error))
    },
    [api],
  )
  return { appearance, change, saveError }
}
