import { useCallback, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer'
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin'
import { ContentEditable } from '@lexical/react/LexicalContentEditable'
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin'
import { ListPlugin } from '@lexical/react/LexicalListPlugin'
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin'
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin'
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary'
import { MarkNode } from '@lexical/mark'
import type { EngineStatus, PromptSummary, QuireApi } from '@shared/contract'
import type { TextCounts } from '@shared/documents'
import type { ConnectionState, MenuPlainPaste } from '../api'
import { AiToolbarPlugin } from './plugins/AiToolbar'
import { ASK_PROMPT_ID } from './plugins/AiToolbar/ask'
import { ContextMenuPlugin } from './plugins/AiToolbar/ContextMenu'
import { useKeymap } from '../palette/keymap'
import { usePrefs } from '../palette/userPrefs'
import { ContentLanguagePlugin } from './plugins/ContentLanguage'
import { fullWidthTransformers } from './plugins/MarkdownInput/fullWidth'
import { PastePlugin } from './plugins/Paste'
import { DocumentSyncPlugin, type DocumentConnection } from './plugins/DocumentSync'
import { EditorBridgePlugin } from './plugins/EditorBridge'
import { WordCountPlugin } from './plugins/WordCount'
import { SelectionSyncPlugin } from './plugins/SelectionSync'
import { LongDocumentKeysPlugin } from './plugins/LongDocumentKeys'
import type { EditorControls } from '../library/LibraryPanel'
import { SuggestionPlugin } from './plugins/Suggestion'
import { ComparePlugin } from '../compare/ComparePlugin'
import { GhostTextPlugin } from './plugins/GhostText'
import { BestOfPlugin } from '../bestOf/BestOfPlugin'
import { detectLanguage } from '@shared/text/script'
import { DEFAULT_REWRITE_PROMPT, promptChoices } from './promptChoices'
import { editorTheme } from './theme'
import { markdownNodes, markdownTransformers } from './markdown/transformers'

const STYLE_KEY = 'quire.rewriteStyle'

/** What the AI toolbar is told: the engine's state while the host is there, else why it is not. */
function toolbarState(connection: ConnectionState, status: EngineStatus | null) {
  if (connection === 'lost') return 'disconnected'
  if (connection === 'old-token') return 'old-run'
  return status?.state ?? null
}

type Props = {
  onControls(controls: EditorControls | null): void
  api: QuireApi
  prompts: readonly PromptSummary[]
  status: EngineStatus | null
  /** A browser tab's connection to quire serve: while it is not there, the AI actions say why. */
  hostConnection: ConnectionState
  uiLanguage: 'zh' | 'en'
  /** The window's document session: the editor's text is the open document. */
  connection: DocumentConnection
  onCounts(counts: TextCounts, selection: TextCounts | null): void
  onOpenModels(): void
  onOpenStats(): void
  /** The desktop Edit menu's plain paste; null in a browser. */
  onMenuPlainPaste: MenuPlainPaste | null
}

/** The writer's document: a rich-text Lexical editor with the AI toolbar and suggestion card. */
export function Editor({
  api,
  prompts,
  status,
  hostConnection,
  uiLanguage,
  onControls,
  connection,
  onCounts,
  onOpenModels,
  onOpenStats,
  onMenuPlainPaste,
}: Props) {
  const { t } = useTranslation()
  const anchor = useRef<HTMLDivElement | null>(null)
  const [suggestionActive, setSuggestionActive] = useState(false)
  const [compareActive, setCompareActive] = useState(false)
  const [bestOfActive, setBestOfActive] = useState(false)
  const [rewritePromptId, setRewritePromptId] = useState(
    () => window.localStorage.getItem(STYLE_KEY) ?? DEFAULT_REWRITE_PROMPT,
  )
  // Menus are titled in the selection's language: that is the prompt file that will run
  // (a Chinese passage runs the Chinese "translate into English").
  const [menuLanguage, setMenuLanguage] = useState<'zh' | 'en'>(uiLanguage)
  const onSelectionText = useCallback(
    (text: string) => setMenuLanguage(detectLanguage(text, uiLanguage)),
    [uiLanguage],
  )
  // The Ask prompt runs from its own field, not as a style.
  const rewriteChoices = useMemo(
    () => promptChoices(prompts, menuLanguage, 'rewrite').filter((p) => p.id !== ASK_PROMPT_ID),
    [prompts, menuLanguage],
  )
  const allChoices = useMemo(() => promptChoices(prompts, menuLanguage), [prompts, menuLanguage])
  const bindings = useKeymap(api, prompts)
  const { prefs, store: prefsStore } = usePrefs(api)
  const rememberInstruction = useCallback(
    (instruction: string) =>
      void prefsStore
        .rememberInstruction(instruction)
        .catch((error: unknown) => console.warn('quire: recent instructions not saved:', error)),
    [prefsStore],
  )
  const menus = useMemo(
    () => ({
      poem: allChoices.filter((p) => p.kind === 'poem'),
      continue: allChoices.filter((p) => p.kind === 'continue'),
      more: allChoices.filter((p) => p.kind === 'transform'),
    }),
    [allChoices],
  )
  const contextPrompts = useMemo(() => [...menus.more, ...menus.continue, ...menus.poem], [menus])
  const chosenRewrite = rewriteChoices.some((p) => p.id === rewritePromptId)
    ? rewritePromptId
    : (rewriteChoices[0]?.id ?? rewritePromptId)

  const chooseRewrite = useCallback((id: string) => {
    setRewritePromptId(id)
    window.localStorage.setItem(STYLE_KEY, id)
  }, [])

  const initialConfig = useMemo<InitialConfigType>(
    () => ({
      namespace: 'quire',
      theme: editorTheme,
      // MarkNode: the passage an open suggestion card rewrites (never part of the saved text).
      nodes: [...markdownNodes, MarkNode],
      // Read-only until the session has put the document in (typing into a page that is about
      // to be replaced would be lost).
      editable: false,
      onError: (error) => console.error('quire editor:', error),
    }),
    [],
  )

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <div className="editor-shell" ref={anchor}>
        <p id="editor-description" className="visually-hidden">
          {t('editor.description')}
        </p>
        <RichTextPlugin
          contentEditable={
            <ContentEditable
              className="editor-input"
              data-testid="editor"
              aria-label={t('editor.label')}
              aria-describedby="editor-description"
              aria-placeholder={t('app.placeholder')}
              placeholder={<div className="editor-placeholder">{t('app.placeholder')}</div>}
              spellCheck
            />
          }
          ErrorBoundary={LexicalErrorBoundary}
        />
        <HistoryPlugin />
        <SelectionSyncPlugin />
        <LongDocumentKeysPlugin />
        <ListPlugin />
        <LinkPlugin />
        <MarkdownShortcutPlugin
          transformers={[...markdownTransformers, ...fullWidthTransformers]}
        />
        <PastePlugin onMenuPlainPaste={onMenuPlainPaste} />
        <DocumentSyncPlugin connection={connection} />
        <ContentLanguagePlugin uiLanguage={uiLanguage} />
        <WordCountPlugin onCounts={onCounts} />
        <EditorBridgePlugin onControls={onControls} />
        <AiToolbarPlugin
          anchor={anchor}
          rewriteChoices={rewriteChoices}
          menus={menus}
          onSelectionText={onSelectionText}
          bindings={bindings}
          recentInstructions={prefs.recentInstructions}
          onRememberInstruction={rememberInstruction}
          rewritePromptId={chosenRewrite}
          onRewritePromptChange={chooseRewrite}
          engineState={toolbarState(hostConnection, status)}
          hidden={suggestionActive || compareActive || bestOfActive}
        />
        <GhostTextPlugin
          api={api}
          prompts={allChoices}
          anchor={anchor}
          cardOpen={suggestionActive || compareActive || bestOfActive}
        />
        <ContextMenuPlugin
          rewrite={rewriteChoices.find((p) => p.id === chosenRewrite) ?? null}
          prompts={contextPrompts}
          bindings={bindings}
          disabled={suggestionActive}
        />
        <SuggestionPlugin
          api={api}
          prompts={allChoices}
          anchor={anchor}
          loadProgress={status?.loadProgress ?? null}
          answersAtOnce={status?.model?.sequences ?? 2}
          onActiveChange={setSuggestionActive}
          onOpenModels={onOpenModels}
        />
        <ComparePlugin
          api={api}
          prompts={allChoices}
          onActiveChange={setCompareActive}
          onOpenStats={onOpenStats}
        />
        <BestOfPlugin api={api} prompts={allChoices} onActiveChange={setBestOfActive} />
      </div>
    </LexicalComposer>
  )
}
