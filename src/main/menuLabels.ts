/** The few menu and dialog words the main process shows itself (roles are translated by the OS). */
type Labels = Record<
  | 'file'
  | 'open'
  | 'openRecent'
  | 'clearRecent'
  | 'openTitle'
  | 'documentFilter'
  | 'view'
  | 'pasteAndMatchStyle'
  | 'pastePlainText'
  | 'speech',
  string
>

const labels: Record<'en' | 'zh', Labels> = {
  en: {
    file: 'File',
    open: 'Open…',
    openRecent: 'Open Recent',
    clearRecent: 'Clear Recently Opened',
    openTitle: 'Open a document',
    documentFilter: 'Markdown and text',
    view: 'View',
    pasteAndMatchStyle: 'Paste and Match Style',
    pastePlainText: 'Paste as Plain Text',
    speech: 'Speech',
  },
  zh: {
    file: '文件',
    open: '打开…',
    openRecent: '最近打开',
    clearRecent: '清除最近打开的文件',
    openTitle: '打开文档',
    documentFilter: 'Markdown 与纯文本',
    view: '显示',
    pasteAndMatchStyle: '粘贴并匹配样式',
    pastePlainText: '粘贴为纯文本',
    speech: '语音',
  },
}

export type MenuLabels = Labels

/** The labels for the app's locale: Chinese for any zh locale, else English. */
export function menuLabels(locale: string): MenuLabels {
  return locale.toLowerCase().startsWith('zh') ? labels.zh : labels.en
}
