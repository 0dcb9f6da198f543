import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { QuireApi } from '@shared/contract'
import { Drawer } from '../ui/Drawer'
import { UnsavedPrompt } from '../ui/UnsavedPrompt'
import { useUnsavedGuard } from '../ui/useUnsavedGuard'
import { DocumentsSection } from './DocumentsSection'
import { DownloadsSection } from './DownloadsSection'
import { EngineSection } from './EngineSection'
import { ReplacementsSection } from './ReplacementsSection'
import { AppearanceSection } from './AppearanceSection'
import { SaveBar } from './SaveBar'
import { ShortcutsSection } from './ShortcutsSection'
import type { AppearanceControls } from './useAppearance'
import { useSettingsForm } from './useSettingsForm'
import { WritingSection } from './WritingSection'

export type SettingsPanelProps = { api: QuireApi; appearance: AppearanceControls; onClose(): void }

/** Settings: edited here, sent to the host only on Save, and only what changed. */
export function SettingsPanel({ api, appearance, onClose }: SettingsPanelProps) {
  const { t, i18n } = useTranslation()
  const { state, errors, dirty, edit, save, forgetKey } = useSettingsForm(api)
  const { draft, refusals } = state
  const form = useRef<HTMLFormElement | null>(null)
  // Esc and Close ask first when edits are unsaved (a shortcut typed but not set counts too).
  const [shortcutsPending, setShortcutsPending] = useState(false)
  const guard = useUnsavedGuard(dirty || shortcutsPending)
  const { request } = guard
  const close = useCallback(() => request(onClose), [request, onClose])
  // After a refused save, take the writer to the first field that needs fixing.
  useEffect(() => {
    const first =
      refusals > 0 ? form.current?.querySelector<HTMLElement>('[aria-invalid="true"]') : null
    if (!first) return
    first.focus({ preventScroll: true })
    // Centred, so the sticky Save bar does not cover it.
    first.scrollIntoView({ block: 'center' })
  }, [refusals])
  const submit = (event: FormEvent) => {
    event.preventDefault()
    void save()
  }

  return (
    <Drawer testId="settings-panel" title={t('panel.settings')} onClose={close}>
      <UnsavedPrompt guard={guard} what={t('unsaved.settings')} />
      {state.phase === 'loading' && (
        <p className="settings-loading">
          <span className="spinner" aria-hidden="true" />
          {t('settings.loading')}
        </p>
      )}
      {state.phase === 'failed' && (
        <p className="settings-banner settings-error" role="alert" data-testid="settings-error">
          {t('settings.loadFailed', { message: state.problem })}
        </p>
      )}
      {draft && (
        <form ref={form} className="settings-form" onSubmit={submit} noValidate>
          <AppearanceSection {...appearance} />
          <WritingSection draft={draft} errors={errors} edit={edit} />
          <DocumentsSection api={api} draft={draft} errors={errors} edit={edit} />
          <DownloadsSection draft={draft} errors={errors} edit={edit} />
          <EngineSection
            api={api}
            draft={draft}
            errors={errors}
            edit={edit}
            remoteKey={{ status: state.keyStatus, onForget: () => void forgetKey() }}
          />
          <ReplacementsSection
            draft={draft}
            errors={errors}
            edit={edit}
            uiLanguage={i18n.language.startsWith('zh') ? 'zh' : 'en'}
          />
          <ShortcutsSection api={api} onPendingChange={setShortcutsPending} />
          <SaveBar
            state={state}
            errors={errors}
            dirty={dirty}
            onSaveAnyway={() => void save({ confirmed: true })}
          />
        </form>
      )}
    </Drawer>
  )
}
