import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { registerDocumentSync, type DocumentConnection } from './registerDocumentSync'

export type { DocumentConnection } from './registerDocumentSync'

/** Connects the Lexical editor to the window's document session. */
export function DocumentSyncPlugin({ connection }: { connection: DocumentConnection }): null {
  const [editor] = useLexicalComposerContext()
  useEffect(() => registerDocumentSync(editor, connection), [editor, connection])
  return null
}
