import { currentView } from '../../positioning'
import { caretRect, revealCaret } from './revealCaret'

/** Frames to wait for blocks scrolled into sight to be laid out before placing the caret. */
const MAX_FRAMES = 6

/** The editor block (its top-level child) that holds `node`, or null outside the editor. */
function blockOf(root: HTMLElement, node: Node): Element | null {
  let block: Node | null = node
  while (block && block.parentNode !== root) block = block.parentNode
  return block instanceof Element ? block : null
}

/** Heights tried around the caret's, nearest first: the window's bars may cover the point. */
const NUDGES = [0, -24, 24, -48, 48, -96, 96, -144, 144]

/**
 * The caret position in the editor at a point of the window, or the nearest one above or below
 * it (the header and the status bar cover the window's edges); null while the block there is
 * still skipped, as it then answers for its whole box, not for the line under the point.
 */
function positionAt(
  root: HTMLElement,
  x: number,
  y: number,
): { node: Node; offset: number } | null {
  for (const nudge of NUDGES) {
    const position = document.caretPositionFromPoint(x, y + nudge)
    const block = position && blockOf(root, position.offsetNode)
    if (!position || !block) continue
    if (!block.checkVisibility({ contentVisibilityAuto: true })) return null
    return { node: position.offsetNode, offset: position.offset }
  }
  return null
}

/**
 * PageUp/PageDown: scrolls the window by most of a screen, then puts the caret where the screen
 * shows it at the same height as before (or, with `extend`, moves the selection's focus there).
 * Returns false when the window cannot scroll that way (the caret then goes to the edge).
 */
export function movePage(root: HTMLElement, direction: 1 | -1, extend: boolean): boolean {
  const height = window.innerHeight
  // Below the sticky header, and a line's height clear of the window's edges.
  const top = height / 8
  const caret = caretRect()
  const rootBox = root.getBoundingClientRect()
  const x = caret ? caret.left : rootBox.left + 1
  // Above the status bar fixed to the window's bottom (currentView counts it).
  const bottom = currentView().height
  const y = Math.min(Math.max(caret ? caret.top + caret.height / 2 : top, top), bottom - 24)
  const before = window.scrollY
  window.scrollBy({ top: direction * (height - top - 40), behavior: 'instant' })
  if (window.scrollY === before) return false
  const place = (frames: number) => {
    const position = positionAt(root, x, y)
    if (!position && frames > 0) return requestAnimationFrame(() => place(frames - 1))
    if (!position) return
    const selection = window.getSelection()
    if (extend) selection?.extend(position.node, position.offset)
    else selection?.collapse(position.node, position.offset)
    revealCaret()
  }
  requestAnimationFrame(() => place(MAX_FRAMES))
  return true
}
