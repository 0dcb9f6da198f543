import {
  $createRangeSelectionFromDom,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  getDOMSelectionFromTarget,
  type LexicalEditor,
} from 'lexical'

/**
 * Makes the editor's range selection (a caret or a passage) the one on screen, when the screen's
 * is inside this editor and differs. A node selection (an image, a rule) is left alone: the
 * screen shows no caret for it.
 */
export function $adoptScreenCaret(editor: LexicalEditor): void {
  const root = editor.getRootElement()
  if (!root) return
  const screen = getDOMSelectionFromTarget(root)
  if (!screen || screen.rangeCount === 0) return
  if (!root.contains(screen.anchorNode) || !root.contains(screen.focusNode)) return
  const current = $getSelection()
  if (current !== null && !$isRangeSelection(current)) return
  const seen = $createRangeSelectionFromDom(screen, editor)
  if (!seen) return
  // Points only: a caret's pending format (Mod+B before typing) is not on screen and stays.
  if (current && seen.anchor.is(current.anchor) && seen.focus.is(current.focus)) return
  $setSelection(seen)
}
