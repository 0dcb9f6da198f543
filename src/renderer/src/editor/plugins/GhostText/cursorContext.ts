import { $getSelection, $isRangeSelection, type ElementNode } from 'lexical'
import { $blockOf, $nearEdge, $textBetween, edgeOf, type Edge } from '../Suggestion/target'
import type { GhostAnchor } from './ghostState'

const BEFORE_CHARS = 6_000
const AFTER_CHARS = 2_000

/** What a continuation at the cursor is asked with. */
export type CursorContext = {
  anchor: GhostAnchor
  /** The passage to write on from: the cursor's paragraph up to the cursor, or the last paragraph above a blank one. */
  passage: string
  /** The text before that passage. */
  before: string
  /** The text after the cursor. */
  after: string
  /** The text just before the cursor, to join the continuation to it. */
  textBefore: string
}

const blockStart = (block: ElementNode): Edge => ({
  key: block.getKey(),
  offset: 0,
  type: 'element',
})

/** The last block above `block` with some text, or null. */
function $previousWithText(block: ElementNode): ElementNode | null {
  let node = block.getPreviousSibling()
  while (node) {
    if (node.getTextContent().trim() !== '') return node as ElementNode
    node = node.getPreviousSibling()
  }
  return null
}

/**
 * The context of a collapsed cursor for a continuation; null with a selection, or with no
 * text before the cursor to continue.
 */
export function $cursorContext(): CursorContext | null {
  const selection = $getSelection()
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null
  const point = edgeOf(selection.anchor)
  const block = $blockOf(selection.anchor.getNode())
  if (!block) return null
  const inBlock = $textBetween(blockStart(block), point)
  const after = $textBetween(point, $nearEdge(block, 'after', AFTER_CHARS)).slice(0, AFTER_CHARS)
  if (inBlock.trim() !== '')
    return {
      anchor: point,
      passage: inBlock,
      before: $textBetween($nearEdge(block, 'before', BEFORE_CHARS), blockStart(block)).slice(
        -BEFORE_CHARS,
      ),
      after,
      textBefore: inBlock,
    }
  const previous = $previousWithText(block)
  if (!previous) return null
  return {
    anchor: point,
    passage: previous.getTextContent(),
    before: $textBetween($nearEdge(previous, 'before', BEFORE_CHARS), blockStart(previous)).slice(
      -BEFORE_CHARS,
    ),
    after,
    textBefore: inBlock,
  }
}
