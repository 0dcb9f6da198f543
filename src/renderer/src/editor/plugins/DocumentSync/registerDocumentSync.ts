import { CLEAR_HISTORY_COMMAND, type LexicalEditor } from 'lexical'
import { mergeRegister } from '@lexical/utils'
import { $exportMarkdown, registerBlockCache, type BlockCache } from '../../markdown/exportMarkdown'
import { $importMarkdown } from '../../markdown/importMarkdown'
import type { EditorPort } from '../../../documents/sessionTypes'

/** Marks the updates that load a document, so they do not count as the writer's edits. */
export const DOCUMENT_LOAD_TAG = 'quire-document-load'

/** The editor as a document session drives it: Markdown out, Markdown in, edits reported. */
export type DocumentConnection = {
  connect(port: EditorPort): () => void
  changed(): void
}

/**
 * Connects an editor to a document session: the session reads and replaces the document as
 * Markdown, and hears of every change the writer makes (not loads, not selection moves).
 */
export function registerDocumentSync(
  editor: LexicalEditor,
  connection: DocumentConnection,
): () => void {
  const cache: BlockCache = new Map()
  const port: EditorPort = {
    read: () => editor.getEditorState().read(() => $exportMarkdown(cache)),
    load: (text) => {
      editor.update(() => $importMarkdown(text), { tag: DOCUMENT_LOAD_TAG, discrete: true })
      // Undo must not step back into the previous document.
      editor.dispatchCommand(CLEAR_HISTORY_COMMAND, undefined)
    },
    setEditable: (editable) => editor.setEditable(editable),
  }
  return mergeRegister(
    registerBlockCache(editor, cache),
    editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags }) => {
      if (tags.has(DOCUMENT_LOAD_TAG)) return
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return
      connection.changed()
    }),
    connection.connect(port),
  )
}
