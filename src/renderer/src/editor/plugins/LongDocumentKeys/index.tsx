import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { isMacPlatform } from '../../shortcuts'
import { registerLongDocumentKeys } from './registerLongDocumentKeys'

/** The caret moves across a long document that Quire makes itself (see registerLongDocumentKeys). */
export function LongDocumentKeysPlugin(): null {
  const [editor] = useLexicalComposerContext()
  useEffect(() => registerLongDocumentKeys(editor, isMacPlatform()), [editor])
  return null
}
