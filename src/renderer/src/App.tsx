import { useTranslation } from 'react-i18next'
import type { HostApi } from './api'
import { Editor } from './editor/Editor'
import { EngineStatusBar } from './engine/EngineStatusBar'
import { ModelPicker } from './engine/ModelPicker'
import { useEngine } from './engine/useEngine'

/** The window: a slim header with the engine's state, and the document. */
export function App({ host }: { host: HostApi }) {
  const { t, i18n } = useTranslation()
  const { status, prompts, connectionError } = useEngine(host.api)
  const uiLanguage = i18n.language.startsWith('zh') ? 'zh' : 'en'
  const busy =
    status?.state === 'loading' || status?.state === 'restarting' || status?.state === 'starting'

  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-name">{t('app.title')}</h1>
        <EngineStatusBar status={status} connectionError={connectionError} />
        <ModelPicker api={host.api} pickModelFile={host.pickModelFile} busy={busy} />
      </header>
      <main className="page">
        <Editor api={host.api} prompts={prompts} status={status} uiLanguage={uiLanguage} />
      </main>
    </div>
  )
}
