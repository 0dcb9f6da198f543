import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { isMacPlatform } from '../../shortcuts'
import { registerPaste } from './registerPaste'

/** Markdown paste, Mod+Shift+V for plain text, literal paste in code blocks. */
export function PastePlugin() {
  const [editor] = useLexicalComposerContext()
  useEffect(() => registerPaste(editor, { isMac: isMacPlatform() }), [editor])
  return null
}
