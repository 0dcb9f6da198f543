import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { COMMAND_PRIORITY_CRITICAL, KEY_DOWN_COMMAND } from 'lexical'
import { $adoptScreenCaret } from './screenCaret'

/**
 * Before any key acts, the editor takes the selection the writer sees. Lexical reads the
 * screen's selection on `selectionchange`, which the browser may deliver after the next key
 * (input runs first when the page is busy): Ctrl+Home then Enter, or a click then Backspace,
 * would otherwise act on the selection before — and Enter would replace a passage that is no
 * longer selected.
 */
export function SelectionSyncPlugin(): null {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if (!event.isComposing && !editor.isComposing()) $adoptScreenCaret(editor)
          return false
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
    [editor],
  )
  return null
}
