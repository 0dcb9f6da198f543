import { useEffect, useState } from 'react'
import type { QuireApi } from '@shared/contract'
import { onSettingsSaved } from '../../../settings/settingsEvents'

/** The "Suggest a continuation when I pause" setting: read once, then followed as Settings saves it. */
export function useAutoSuggestSetting(api: QuireApi): boolean {
  const [enabled, setEnabled] = useState(false)
  useEffect(() => {
    let live = true
    api
      .getSettings()
      .then((settings) => live && setEnabled(settings.autoSuggest))
      .catch(() => {})
    const unsubscribe = onSettingsSaved((settings) => setEnabled(settings.autoSuggest))
    return () => {
      live = false
      unsubscribe()
    }
  }, [api])
  return enabled
}
