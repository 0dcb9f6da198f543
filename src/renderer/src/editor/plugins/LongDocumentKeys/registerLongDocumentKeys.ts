import { COMMAND_PRIORITY_LOW, KEY_DOWN_COMMAND, type LexicalEditor } from 'lexical'
import { documentMove } from './documentMove'
import { $moveToEdge } from './edges'
import { movePage } from './pageMove'
import { revealCaret } from './revealCaret'

/**
 * Quire's own Ctrl+Home/End (⌘↑/⌘↓) and PageUp/PageDown, with Shift to select: Chromium moves
 * the caret through the editor's layout, and blocks out of sight are not laid out
 * (content-visibility): its own move to the end stopped at the start of the last paragraph, and
 * PageDown left the caret above the window.
 */
export function registerLongDocumentKeys(editor: LexicalEditor, isMac: boolean): () => void {
  return editor.registerCommand(
    KEY_DOWN_COMMAND,
    (event) => {
      if (event.isComposing || editor.isComposing()) return false
      const move = documentMove(event, isMac)
      const root = editor.getRootElement()
      if (!move || !root) return false
      event.preventDefault()
      const page = move.to === 'pageDown' ? 1 : move.to === 'pageUp' ? -1 : 0
      if (page && movePage(root, page, move.extend)) return true
      // PageUp/PageDown with nowhere left to scroll go to the start or end, as in a short page.
      const edge = move.to === 'start' || move.to === 'pageUp' ? 'start' : 'end'
      editor.update(() => $moveToEdge(edge, move.extend), { onUpdate: () => revealCaret() })
      return true
    },
    COMMAND_PRIORITY_LOW,
  )
}
