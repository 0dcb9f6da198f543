import type { ExportFormat } from '@shared/documents'
import {
  BEST_OF_SELECTION_COMMAND,
  COMPARE_SELECTION_COMMAND,
  REWRITE_SELECTION_COMMAND,
} from '../editor/plugins/AiToolbar/commands'
import type { EditorControls } from '../library/LibraryPanel'

/** What a palette command may use: the editor, the panels, the documents. */
export type CommandContext = {
  editor: EditorControls | null
  openPanel(name: 'library' | 'models' | 'settings'): void
  newDocument(): Promise<void>
  exportDocument(to: ExportFormat): Promise<void>
  toggleDocumentList(): void
}

/** One entry of the palette that is not a prompt or a document. */
export type AppCommand = {
  id: string
  /** i18n key of its title. */
  titleKey: string
  /** Extra words it is found by (in both languages: the palette searches them all). */
  keywords?: readonly string[]
  /** AI actions need a selection and are listed with the prompts. */
  group: 'ai' | 'app'
  /** The id in the keymap whose shortcut is shown, when it has one. */
  shortcutId?: string
  /** Whether it can run now (e.g. Export needs an open document). */
  enabled?(context: CommandContext): boolean
  run(context: CommandContext): void | boolean | Promise<void>
}

/**
 * Every app command the palette offers. Adding one is one entry here, e.g.
 * `{ id: 'ai:compare', titleKey: 'palette.commands.compare', group: 'ai', run: (c) => c.editor?.dispatch(COMPARE_COMMAND, undefined) ?? false },`
 * (AI actions: return false when nothing ran, so the palette can say a selection is needed).
 */
export const appCommands: AppCommand[] = [
  {
    id: 'ai:rewrite',
    titleKey: 'palette.commands.rewrite',
    keywords: ['style', 'rewrite', '改写', '风格'],
    group: 'ai',
    shortcutId: 'app:rewrite',
    run: (c) => c.editor?.dispatch(REWRITE_SELECTION_COMMAND, undefined) ?? false,
  },
  {
    id: 'ai:compare',
    titleKey: 'palette.commands.compare',
    keywords: ['compare', 'a/b', 'vote', '对比', '投票'],
    group: 'ai',
    shortcutId: 'app:compare',
    run: (c) => c.editor?.dispatch(COMPARE_SELECTION_COMMAND, undefined) ?? false,
  },
  {
    id: 'ai:best-of',
    titleKey: 'palette.commands.bestOf',
    keywords: ['best', 'candidates', 'score', '最佳', '候选'],
    group: 'ai',
    shortcutId: 'app:best-of',
    run: (c) => c.editor?.dispatch(BEST_OF_SELECTION_COMMAND, undefined) ?? false,
  },
  {
    id: 'app:library',
    titleKey: 'palette.commands.library',
    keywords: ['prompts', 'edit', '提示词', '库'],
    group: 'app',
    run: (c) => c.openPanel('library'),
  },
  {
    id: 'app:settings',
    titleKey: 'palette.commands.settings',
    keywords: ['preferences', 'options', 'shortcuts', '设置', '快捷键'],
    group: 'app',
    run: (c) => c.openPanel('settings'),
  },
  {
    id: 'app:models',
    titleKey: 'palette.commands.models',
    keywords: ['download', 'gguf', '模型', '下载'],
    group: 'app',
    run: (c) => c.openPanel('models'),
  },
  {
    id: 'app:new-document',
    titleKey: 'palette.commands.newDocument',
    keywords: ['create', 'file', '新建', '文档'],
    group: 'app',
    run: (c) => c.newDocument(),
  },
  {
    id: 'app:export-html',
    titleKey: 'palette.commands.exportHtml',
    keywords: ['save as', 'web', '导出'],
    group: 'app',
    run: (c) => c.exportDocument('html'),
  },
  {
    id: 'app:export-docx',
    titleKey: 'palette.commands.exportDocx',
    keywords: ['save as', 'word', '导出'],
    group: 'app',
    run: (c) => c.exportDocument('docx'),
  },
  {
    id: 'app:toggle-documents',
    titleKey: 'palette.commands.toggleDocuments',
    keywords: ['sidebar', 'files', '文档列表', '侧栏'],
    group: 'app',
    run: (c) => c.toggleDocumentList(),
  },
]
