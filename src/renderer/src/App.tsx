import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { HostApi } from './api'
import { Editor } from './editor/Editor'
import { EngineStatusBar } from './engine/EngineStatusBar'
import { useEngine } from './engine/useEngine'
import { LibraryPanel, type EditorControls } from './library/LibraryPanel'
import { ModelPicker } from './engine/ModelPicker'

type PanelName = 'library'

/** The window: a slim header with the engine's state and the panels, and the document. */
export function App({ host }: { host: HostApi }) {
  const { t, i18n } = useTranslation()
  const { status, prompts, connectionError } = useEngine(host.api)
  const uiLanguage = i18n.language.startsWith('zh') ? 'zh' : 'en'
  const [panel, setPanel] = useState<PanelName | null>(null)
  const [editorControls, setEditorControls] = useState<EditorControls | null>(null)
  const close = useCallback(() => setPanel(null), [])
  const toggle = (name: PanelName) => setPanel((open) => (open === name ? null : name))

  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-name">{t('app.title')}</h1>
        <EngineStatusBar status={status} connectionError={connectionError} />
        <nav className="app-nav">
          {(['library'] as const).map((name) => (
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
        <ModelPicker
          api={host.api}
          pickModelFile={host.pickModelFile}
          busy={status?.state === 'loading' || status?.state === 'restarting'}
        />
      </header>
      <main className="page">
        <Editor
          api={host.api}
          prompts={prompts}
          status={status}
          uiLanguage={uiLanguage}
          onControls={setEditorControls}
        />
      </main>
      {panel === 'library' && (
        <LibraryPanel api={host.api} editor={editorControls} onClose={close} />
      )}
    </div>
  )
}
