import {
  $createRangeSelection,
  $createRangeSelectionFromDom,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
  HISTORIC_TAG,
  HISTORY_MERGE_TAG,
  type ElementNode,
  type LexicalEditor,
  type LexicalNode,
  type PointType,
  type RangeSelection,
} from 'lexical'
import {
  $isMarkNode,
  $unwrapMarkNode,
  $wrapSelectionInMarkNode,
  type MarkNode,
} from '@lexical/mark'
import { $dfsIterator, $findMatchingParent } from '@lexical/utils'

/**
 * Where a suggestion applies. The passage itself is wrapped in `@lexical/mark` nodes carrying
 * `markId` (as the Lexical playground's comments are), so it follows edits made around it;
 * `text` is what it said when the action ran, so an edit inside it can be noticed.
 */
export type SuggestionTarget = {
  markId: string
  text: string
  before: string
  after: string
}

const BEFORE_CHARS = 6_000
const AFTER_CHARS = 2_000

export type Edge = { key: string; offset: number; type: 'text' | 'element' }

/** The first or last point of an element (the document's root by default). */
export function $documentEdge(edge: 'start' | 'end', element: ElementNode = $getRoot()): Edge {
  const node = edge === 'start' ? element.getFirstDescendant() : element.getLastDescendant()
  if (!node)
    return {
      key: element.getKey(),
      offset: edge === 'start' ? 0 : element.getChildrenSize(),
      type: 'element',
    }
  if ($isTextNode(node))
    return {
      key: node.getKey(),
      offset: edge === 'start' ? 0 : node.getTextContentSize(),
      type: 'text',
    }
  return { key: node.getKey(), offset: 0, type: 'element' }
}

/**
 * Where to start (or end) reading the text before (after) `node` so that at least `chars`
 * characters lie between: the edge of a top-level block that far away, or of the document.
 * Reading from the document's edge cost a walk over all of a long document at every action.
 */
export function $nearEdge(node: LexicalNode, direction: 'before' | 'after', chars: number): Edge {
  const side = direction === 'before' ? 'start' : 'end'
  let block: LexicalNode | null = node.getTopLevelElement()
  let gathered = 0
  // Twice as much as asked: a block's own size counts its inner line breaks differently.
  while (block && gathered < 2 * chars) {
    const next: LexicalNode | null =
      direction === 'before' ? block.getPreviousSibling() : block.getNextSibling()
    if (!next) return $documentEdge(side)
    block = next
    gathered += block.getTextContentSize()
  }
  return block && $isElementNode(block) ? $documentEdge(side, block) : $documentEdge(side)
}

/** The document's text between two points; empty when they are not valid. */
export function $textBetween(from: Edge, to: Edge): string {
  try {
    const range = $createRangeSelection()
    range.anchor.set(from.key, from.offset, from.type)
    range.focus.set(to.key, to.offset, to.type)
    return range.getTextContent()
  } catch {
    return ''
  }
}

/** A point as plain data. */
export const edgeOf = (point: PointType): Edge => ({
  key: point.key,
  offset: point.offset,
  type: point.type,
})

/**
 * Takes the selection the writer sees when it is in the editor: a shortcut pressed right after
 * selecting can arrive before the editor has read the new selection.
 */
export function $adoptScreenSelection(editor: LexicalEditor): void {
  const root = editor.getRootElement()
  const screen = window.getSelection()
  if (!root || !screen || screen.isCollapsed || !root.contains(screen.anchorNode)) return
  const selection = $createRangeSelectionFromDom(screen, editor)
  if (selection) $setSelection(selection)
}

/** Whether the selection holds text an action can run on. */
export function $hasPassageSelected(): boolean {
  const selection = $getSelection()
  return (
    $isRangeSelection(selection) &&
    !selection.isCollapsed() &&
    selection.getTextContent().trim() !== ''
  )
}

/**
 * With only a cursor, selects the text of the block it is in (the paragraph an action then
 * runs on). False, and nothing selected, when there is no cursor or its block is blank.
 */
export function $selectCaretBlock(): boolean {
  const selection = $getSelection()
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false
  const block = $blockOf(selection.anchor.getNode())
  if (!block || block.getTextContent().trim() === '') return false
  block.select(0, block.getChildrenSize())
  return $hasPassageSelected()
}

/**
 * Marks the current non-empty selection as the passage `markId` rewrites and returns it with
 * some text around it; null (and nothing marked) when nothing is selected. The writer's
 * selection is kept. Call inside an update tagged so it does not become an undo step.
 */
export function $markTarget(markId: string): SuggestionTarget | null {
  const selection = $getSelection()
  if (!$isRangeSelection(selection) || !$hasPassageSelected()) return null
  const text = selection.getTextContent()
  const backward = selection.isBackward()
  const [start, end] = backward
    ? [selection.focus, selection.anchor]
    : [selection.anchor, selection.focus]
  const target = {
    markId,
    text,
    before: $textBetween($nearEdge(start.getNode(), 'before', BEFORE_CHARS), edgeOf(start)).slice(
      -BEFORE_CHARS,
    ),
    after: $textBetween(edgeOf(end), $nearEdge(end.getNode(), 'after', AFTER_CHARS)).slice(
      0,
      AFTER_CHARS,
    ),
  }
  $wrapSelectionInMarkNode(selection, backward, markId)
  const range = $rangeOfMarks($targetMarks(markId))
  if (range) $setSelection(backward ? flip(range) : range)
  return target
}

function flip(range: RangeSelection): RangeSelection {
  const flipped = $createRangeSelection()
  flipped.anchor.set(range.focus.key, range.focus.offset, range.focus.type)
  flipped.focus.set(range.anchor.key, range.anchor.offset, range.anchor.type)
  return flipped
}

/** The mark nodes of one passage, in document order. */
export function $targetMarks(markId: string): MarkNode[] {
  return $allMarks().filter((mark) => mark.hasID(markId))
}

/** A range from the start of the first mark to the end of the last, or null when there are none. */
function $rangeOfMarks(marks: readonly MarkNode[]): RangeSelection | null {
  const first = marks[0]
  const last = marks.at(-1)
  if (!first || !last) return null
  const range = $createRangeSelection()
  range.anchor.set(first.getKey(), 0, 'element')
  range.focus.set(last.getKey(), last.getChildrenSize(), 'element')
  return range
}

/** The passage's text now; null when it is gone from the document. */
export function $targetText(markId: string): string | null {
  return $rangeOfMarks($targetMarks(markId))?.getTextContent() ?? null
}

/** Takes the passage's marks out of the document, leaving its text exactly as it is. */
export function $unmarkTarget(markId: string): void {
  for (const mark of $targetMarks(markId)) $unwrapMarkNode(mark)
}

/** Removes every mark that does not carry `keep` (marks an undo brought back, or a stale draft). */
export function $unmarkAllBut(keep: string | null): void {
  for (const mark of $allMarks()) if (keep === null || !mark.hasID(keep)) $unwrapMarkNode(mark)
}

/**
 * Marks are the card's, never the writer's: an undo or redo can bring back a state that still
 * holds the marks of a card that has closed since, and a draft saved from an older version may
 * hold some. Those are unwrapped at once (merged into the undo step that brought them back).
 */
export function registerStaleMarkCleanup(
  editor: LexicalEditor,
  activeMarkId: () => string | null,
): () => void {
  const clean = (): void => {
    const keep = activeMarkId()
    const stale = editor
      .getEditorState()
      .read(() => $allMarks().some((mark) => keep === null || !mark.hasID(keep)))
    if (stale) editor.update(() => $unmarkAllBut(keep), { tag: HISTORY_MERGE_TAG })
  }
  clean()
  return editor.registerUpdateListener(({ tags }) => {
    if (tags.has(HISTORIC_TAG)) clean()
  })
}

function $allMarks(): MarkNode[] {
  const marks: MarkNode[] = []
  for (const { node } of $dfsIterator()) if ($isMarkNode(node)) marks.push(node)
  return marks
}

/** The block (paragraph, heading, list item, quote) a node sits in. */
export function $blockOf(node: LexicalNode): ElementNode | null {
  return $findMatchingParent(
    node,
    (parent): parent is ElementNode => $isElementNode(parent) && !parent.isInline(),
  ) as ElementNode | null
}
