import type { EditorThemeClasses } from 'lexical'

/** Class names Lexical puts on the document's nodes; styled in styles/editor.css. */
export const editorTheme: EditorThemeClasses = {
  paragraph: 'doc-paragraph',
  quote: 'doc-quote',
  heading: { h1: 'doc-h1', h2: 'doc-h2', h3: 'doc-h3' },
  list: { ul: 'doc-ul', ol: 'doc-ol', listitem: 'doc-li', nested: { listitem: 'doc-li-nested' } },
  link: 'doc-link',
  code: 'doc-codeblock',
  // The passage an open suggestion card rewrites (a @lexical/mark node, removed when the card closes).
  mark: 'suggestion-target',
  text: {
    bold: 'doc-bold',
    italic: 'doc-italic',
    underline: 'doc-underline',
    strikethrough: 'doc-strike',
    code: 'doc-code',
  },
}
