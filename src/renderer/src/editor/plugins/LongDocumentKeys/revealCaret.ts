import { currentView } from '../../positioning'

/** The caret's box on screen: the selection's focus end (null when there is no selection). */
export function caretRect(): DOMRect | null {
  const selection = window.getSelection()
  const node = selection?.focusNode
  if (!selection || !node) return null
  const range = document.createRange()
  range.setStart(node, selection.focusOffset)
  const rect = range.getClientRects()[0]
  if (rect) return rect
  // An empty block (or a point between elements) has no caret box: use its element's.
  const element = node instanceof Element ? node : node.parentElement
  return element?.getBoundingClientRect() ?? null
}

/**
 * Scrolls the window until the caret is in sight, a third of a screen in from the edge it came
 * from, and checks again for a few frames: blocks that come into sight are laid out then, and
 * their real heights replace the estimates the page was scrolled by.
 */
export function revealCaret(frames = 4): void {
  const rect = caretRect()
  if (!rect) return
  const height = window.innerHeight
  // The sticky header covers the top of the window.
  const top = height / 8
  if (rect.top < top) window.scrollBy({ top: rect.top - height / 3 })
  // The status bar fixed to the window's bottom covers it too (currentView counts it).
  else if (rect.bottom > currentView().height)
    window.scrollBy({ top: rect.bottom - (height * 2) / 3 })
  if (frames > 1) requestAnimationFrame(() => revealCaret(frames - 1))
}
