import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { HostApi } from './api'
import { Editor } from './editor/Editor'
import { EngineStatusBar } from './engine/EngineStatusBar'
import { useEngine } from './engine/useEngine'
import { LibraryPanel, type EditorControls } from './library/LibraryPanel'
import { ModelsPanel } from './models/ModelsPanel'
import { SettingsPanel } from './settings/SettingsPanel'

type PanelName = 'library' | 'models' | 'settings'

/** The window: a slim header with the engine's state and the panels, and the document. */
export function App({ host }: { host: HostApi }) {
  const { t, i18n } = useTranslation()
  const { status, prompts, connectionError } = useEngine(host.api)
  const uiLanguage = i18n.language.startsWith('zh') ? 'zh' : 'en'
  const [panel, setPanel] = useState<PanelName | null>(null)
  const [editorControls, setEditorControls] = useState<EditorControls | null>(null)
  const close = useCallback(() => setPanel(null), [])
  const openModels = useCallback(() => setPanel('models'), [])
  const toggle = (name: PanelName) => setPanel((open) => (open === name ? null : name))

  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-name">{t('app.title')}</h1>
        <EngineStatusBar status={status} connectionError={connectionError} />
        <nav className="app-nav">
          {(['library', 'models', 'settings'] as const).map((name) => (
            <button
              key={name}
              type="button"
              className="button subtle"
              data-testid={`open-${name}`}
              aria-pressed={panel === name}
              onClick={() => toggle(name)}
            >
              {t(`panel.${name}`)}
            </button>
          ))}
        </nav>
      </header>
      <main className="page">
        <Editor
          api={host.api}
          prompts={prompts}
          status={status}
          uiLanguage={uiLanguage}
          onControls={setEditorControls}
          onOpenModels={openModels}
        />
      </main>
      {panel === 'library' && (
        <LibraryPanel api={host.api} editor={editorControls} onClose={close} />
      )}
      {panel === 'models' && (
        <ModelsPanel
          api={host.api}
          pickModelFile={host.pickModelFile}
          status={status}
          onClose={close}
        />
      )}
      {panel === 'settings' && <SettingsPanel api={host.api} onClose={close} />}
    </div>
  )
}
