import type { Settings } from '@shared/settings/schema'

/** Sent on the window after Settings saved, with the settings the host now has. */
export const SETTINGS_SAVED_EVENT = 'quire:settings-saved'

/** Calls `listener` with the settings each time Settings saves them; returns a disposer. */
export function onSettingsSaved(listener: (settings: Settings) => void): () => void {
  const handle = (event: Event): void => {
    if (event instanceof CustomEvent) listener(event.detail as Settings)
  }
  window.addEventListener(SETTINGS_SAVED_EVENT, handle)
  return () => window.removeEventListener(SETTINGS_SAVED_EVENT, handle)
}
