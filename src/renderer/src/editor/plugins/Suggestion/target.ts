import {
  $createRangeSelection,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
  type PointType,
  type RangeSelection,
} from 'lexical'

type SavedPoint = { key: string; offset: number; type: 'text' | 'element' }

/** Where a suggestion applies: the selection as it was when the action ran, and its text. */
export type SuggestionTarget = {
  anchor: SavedPoint
  focus: SavedPoint
  text: string
  before: string
  after: string
}

const BEFORE_CHARS = 6_000
const AFTER_CHARS = 2_000

const savePoint = (point: PointType): SavedPoint => ({
  key: point.key,
  offset: point.offset,
  type: point.type,
})

function $restore(target: Pick<SuggestionTarget, 'anchor' | 'focus'>): RangeSelection {
  const selection = $createRangeSelection()
  selection.anchor.set(target.anchor.key, target.anchor.offset, target.anchor.type)
  selection.focus.set(target.focus.key, target.focus.offset, target.focus.type)
  return selection
}

function $documentEdge(edge: 'start' | 'end'): SavedPoint {
  const root = $getRoot()
  const node = edge === 'start' ? root.getFirstDescendant() : root.getLastDescendant()
  if (!node)
    return {
      key: root.getKey(),
      offset: edge === 'start' ? 0 : root.getChildrenSize(),
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

function $textBetween(anchor: SavedPoint, focus: SavedPoint): string {
  try {
    return $restore({ anchor, focus }).getTextContent()
  } catch {
    return ''
  }
}

/** Captures the current non-empty selection with some text around it; null when nothing is selected. */
export function $captureTarget(): SuggestionTarget | null {
  const selection = $getSelection()
  if (!$isRangeSelection(selection) || selection.isCollapsed()) return null
  const text = selection.getTextContent()
  if (text.trim() === '') return null
  const [start, end] = selection.isBackward()
    ? [selection.focus, selection.anchor]
    : [selection.anchor, selection.focus]
  return {
    anchor: savePoint(start),
    focus: savePoint(end),
    text,
    before: $textBetween($documentEdge('start'), savePoint(start)).slice(-BEFORE_CHARS),
    after: $textBetween(savePoint(end), $documentEdge('end')).slice(0, AFTER_CHARS),
  }
}

/**
 * Replaces the target with the suggestion, blank lines becoming paragraphs. Returns false, and
 * changes nothing, when the passage is no longer what it was when the action ran.
 */
export function $replaceTarget(target: SuggestionTarget, suggestion: string): boolean {
  let selection: RangeSelection
  try {
    selection = $restore(target)
    if (selection.getTextContent() !== target.text) return false
  } catch {
    return false
  }
  $setSelection(selection)
  suggestion
    .trim()
    .split(/\n\s*\n/)
    .forEach((paragraph, index) => {
      const current = $getSelection()
      if (!$isRangeSelection(current)) return
      if (index > 0) current.insertParagraph()
      const next = $getSelection()
      if ($isRangeSelection(next)) next.insertRawText(paragraph.trim())
    })
  return true
}
