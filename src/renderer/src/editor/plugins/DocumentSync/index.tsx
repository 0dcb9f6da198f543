import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { CLEAR_HISTORY_COMMAND } from 'lexical'
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
 * Connects the Lexical editor to the window's document session: it reports each change the
 * writer makes (not loads, not selection moves) and lets the session read and replace the
 * document as Markdown.
 */
export function DocumentSyncPlugin({ connection }: { connection: DocumentConnection }): null {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    const cache: BlockCache = new Map()
    const stopCaching = registerBlockCache(editor, cache)
    const port: EditorPort = {
      read: () => editor.getEditorState().read(() => $exportMarkdown(cache)),
      load: (text) => {
        editor.update(() => $importMarkdown(text), { tag: DOCUMENT_LOAD_TAG, discrete: true })
        editor.dispatchCommand(CLEAR_HISTORY_COMMAND, undefined)
      },
      setEditable: (editable) => editor.setEditable(editable),
    }
    const disconnect = connection.connect(port)
    const stopListening = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags }) => {
      if (tags.has(DOCUMENT_LOAD_TAG)) return
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return
      connection.changed()
    })
    return () => {
      stopCaching()
      stopListening()
      disconnect()
    }
  }, [editor, connection])
  return null
}
