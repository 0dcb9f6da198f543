import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TextCounts } from '@shared/documents'
import type { HostApi } from './api'
import { DocumentBars } from './documents/DocumentBars'
import { DocumentList } from './documents/DocumentList'
import { ExportMenu, exportOpenDocument } from './documents/ExportMenu'
import { StatusBar } from './documents/StatusBar'
import { useDesktopFiles } from './documents/useDesktopFiles'
import { useDocumentSession } from './documents/useDocumentSession'
import { Editor } from './editor/Editor'
import { useEngine } from './engine/useEngine'
import type { EditorControls } from './library/LibraryPanel'
import type { CommandContext } from './palette/commands'
import { PaletteHost } from './palette/PaletteHost'
import { runUnlessUnsaved } from './ui/useUnsavedGuard'
import { useAppearance } from './settings/useAppearance'

// The panels load when first opened: the editor is ready sooner, on a smaller first script.
const LibraryPanel = lazy(() =>
  import('./library/LibraryPanel').then((m) => ({ default: m.LibraryPanel })),
)
const ModelsPanel = lazy(() =>
  import('./models/ModelsPanel').then((m) => ({ default: m.ModelsPanel })),
)
const SettingsPanel = lazy(() =>
  import('./settings/SettingsPanel').then((m) => ({ default: m.SettingsPanel })),
)
const StatsPanel = lazy(() =>
  import('./compare/StatsPanel').then((m) => ({ default: m.StatsPanel })),
)

const PlaygroundPanel = lazy(() =>
  import('./playground/PlaygroundPanel').then((m) => ({ default: m.PlaygroundPanel })),
)

type PanelName = 'library' | 'models' | 'settings' | 'stats' | 'playground'

const LIST_KEY = 'quire.documentListOpen'
const NO_COUNTS: TextCounts = { words: 0, chars: 0 }

/** The window: a header, the document list beside the page, and the status bar under it. */
export function App({ host }: { host: HostApi }) {
  const { t, i18n } = useTranslation()
  const { status, prompts, connectionError, connection } = useEngine(host.api, host.connection)
  const documents = useDocumentSession(host.api)
  const appearance = useAppearance(host.api)
  useDesktopFiles(host.files, documents.session)
  const uiLanguage = i18n.language.startsWith('zh') ? 'zh' : 'en'
  const [panel, setPanel] = useState<PanelName | null>(null)
  const [editorControls, setEditorControls] = useState<EditorControls | null>(null)
  const [listOpen, setListOpen] = useState(() => window.localStorage.getItem(LIST_KEY) !== 'closed')
  const [counts, setCounts] = useState<{ all: TextCounts; selection: TextCounts | null }>({
    all: NO_COUNTS,
    selection: null,
  })
  const onCounts = useCallback(
    (all: TextCounts, selection: TextCounts | null) => setCounts({ all, selection }),
    [],
  )
  const close = useCallback(() => setPanel(null), [])
  const openModels = useCallback(() => setPanel('models'), [])
  const openStats = useCallback(() => runUnlessUnsaved(() => setPanel('stats')), [])
  // Switching panels from the header asks first when the open one has unsaved edits.
  const toggle = (name: PanelName) =>
    runUnlessUnsaved(() => setPanel((open) => (open === name ? null : name)))
  const toggleList = (): void =>
    setListOpen((open) => {
      window.localStorage.setItem(LIST_KEY, open ? 'closed' : 'open')
      return !open
    })
  const { view } = documents
  const { session } = documents
  const paletteContext = useMemo<CommandContext>(
    () => ({
      editor: editorControls,
      openPanel: (name) => runUnlessUnsaved(() => setPanel(name)),
      newDocument: async () => session?.openNew(),
      exportDocument: async (to) => {
        if (session) await exportOpenDocument(host.api, session, to)
      },
      toggleDocumentList: toggleList,
    }),
    [editorControls, session, host.api],
  )
  // Another document starts at its top, not where the last one was scrolled to.
  useEffect(() => {
    window.scrollTo(0, 0)
  }, [view.path])
  const title = view.title || (view.path ? view.path.split('/').pop() : '') || t('app.untitled')

  return (
    <div className="app">
      <header className="app-header">
        <button
          type="button"
          className="button subtle list-toggle"
          data-testid="toggle-doc-list"
          aria-pressed={listOpen}
          aria-label={t('documents.toggle')}
          title={t('documents.toggle')}
          onClick={toggleList}
        >
          ☰
        </button>
        <h1 className="app-name">{t('app.title')}</h1>
        <span className="doc-title" data-testid="doc-title" title={view.path ?? undefined}>
          {title}
        </span>
        <ExportMenu api={host.api} session={documents.session} path={view.path} />
        <nav className="app-nav">
          {(['library', 'playground', 'models', 'settings', 'stats'] as const).map((name) => (
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
      <div className="desk">
        {listOpen && (
          <DocumentList api={host.api} session={documents.session} currentPath={view.path} />
        )}
        <main className="page">
          <div className="page-column">
            <DocumentBars view={view} session={documents.session} />
            <Editor
              api={host.api}
              prompts={prompts}
              status={status}
              hostConnection={connection}
              uiLanguage={uiLanguage}
              onControls={setEditorControls}
              connection={documents.connection}
              onCounts={onCounts}
              onOpenModels={openModels}
              onOpenStats={openStats}
              onMenuPlainPaste={host.onMenuPlainPaste}
            />
          </div>
        </main>
      </div>
      <StatusBar
        counts={counts.all}
        selection={counts.selection}
        saveState={view.saveState}
        status={status}
        connectionError={connectionError}
      />
      <Suspense fallback={null}>
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
        {panel === 'settings' && (
          <SettingsPanel api={host.api} appearance={appearance} onClose={close} />
        )}
        {panel === 'stats' && <StatsPanel api={host.api} prompts={prompts} onClose={close} />}
        {panel === 'playground' && (
          <PlaygroundPanel api={host.api} prompts={prompts} onClose={close} />
        )}
      </Suspense>
      <PaletteHost
        api={host.api}
        prompts={prompts}
        uiLanguage={uiLanguage}
        context={paletteContext}
        openDocument={async (path) => session?.openPath(path)}
      />
    </div>
  )
}
