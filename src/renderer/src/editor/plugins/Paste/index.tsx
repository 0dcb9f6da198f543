import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import type { MenuPlainPaste } from '../../../api'
import { isMacPlatform } from '../../shortcuts'
import { menuPasteTarget, pastePlainText } from './menuPlainPaste'
import { registerPaste } from './registerPaste'

type Props = {
  /** The desktop Edit menu's Paste and Match Style / Paste as Plain Text; null in a browser. */
  onMenuPlainPaste: MenuPlainPaste | null
}

/** Markdown paste, Mod+Shift+V and the Edit menu for plain text, literal paste in code blocks. */
export function PastePlugin({ onMenuPlainPaste }: Props) {
  const [editor] = useLexicalComposerContext()
  useEffect(() => registerPaste(editor, { isMac: isMacPlatform() }), [editor])
  useEffect(() => {
    if (!onMenuPlainPaste) return
    return onMenuPlainPaste((text) => {
      const target = menuPasteTarget(editor.getRootElement(), document.activeElement)
      if (target === 'editor') pastePlainText(editor, text)
      // A field in a panel (a prompt, a setting): typed in as if by the keyboard, so its own
      // undo and change events work. execCommand is the one way to do that in Chromium.
      else if (target === 'field') document.execCommand('insertText', false, text)
    })
  }, [editor, onMenuPlainPaste])
  return null
}
