import { $getNodeByKey, $isElementNode, $isTextNode, type LexicalEditor } from 'lexical'
import type { GhostAnchor } from './ghostState'

const AFTER = 'data-ghost-after'
const BEFORE = 'data-ghost-before'
const HINT = 'data-ghost-hint'

/** Where the ghost text can be drawn: after a text node's element, or at the start of an empty block. */
type Spot = { element: HTMLElement; side: 'after' | 'before' }

/**
 * The element the ghost text hangs on for a cursor at `anchor`: the end of the text node the
 * cursor ends, or an empty block. Null for a cursor inside a word (nothing can be drawn there
 * without putting it into the document).
 */
function spotFor(editor: LexicalEditor, anchor: GhostAnchor): Spot | null {
  return editor.getEditorState().read(() => {
    const node = $getNodeByKey(anchor.key)
    if ($isTextNode(node) && anchor.type === 'text') {
      if (anchor.offset !== node.getTextContentSize()) return null
      const element = editor.getElementByKey(node.getKey())
      return element ? { element, side: 'after' } : null
    }
    if (!$isElementNode(node)) return null
    if (node.getChildrenSize() === 0) {
      const element = editor.getElementByKey(node.getKey())
      return element ? { element, side: 'before' } : null
    }
    const previous = anchor.offset > 0 ? node.getChildAtIndex(anchor.offset - 1) : null
    if (!$isTextNode(previous) || anchor.offset !== node.getChildrenSize()) return null
    const element = editor.getElementByKey(previous.getKey())
    return element ? { element, side: 'after' } : null
  })
}

/**
 * Draws `text` in grey after the cursor through an attribute that CSS shows as generated
 * content (styles/suggestion.css): Lexical does not watch attributes, so the ghost stays out of
 * the editor's state, the undo history, the selection and the saved Markdown. Returns whether
 * it could be drawn, and a function that takes it away again.
 */
export function paintGhost(
  editor: LexicalEditor,
  anchor: GhostAnchor,
  text: string,
  hint: string,
): { drawn: boolean; erase(): void } {
  const spot = spotFor(editor, anchor)
  if (!spot) return { drawn: false, erase: () => {} }
  const { element, side } = spot
  element.setAttribute(side === 'after' ? AFTER : BEFORE, text)
  element.setAttribute(HINT, hint)
  return {
    drawn: true,
    erase() {
      element.removeAttribute(AFTER)
      element.removeAttribute(BEFORE)
      element.removeAttribute(HINT)
    },
  }
}
