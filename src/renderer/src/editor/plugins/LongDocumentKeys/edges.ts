import {
  $createRangeSelection,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
} from 'lexical'

type Point = { key: string; offset: number; type: 'text' | 'element' }

/** The first or last caret position of the document. */
function $edgePoint(edge: 'start' | 'end'): Point {
  const root = $getRoot()
  const node = edge === 'end' ? root.getLastDescendant() : root.getFirstDescendant()
  const atEnd = edge === 'end'
  if ($isTextNode(node))
    return { key: node.getKey(), offset: atEnd ? node.getTextContentSize() : 0, type: 'text' }
  if ($isElementNode(node))
    return { key: node.getKey(), offset: atEnd ? node.getChildrenSize() : 0, type: 'element' }
  const parent = node?.getParent()
  if (node && parent) {
    const index = node.getIndexWithinParent() + (atEnd ? 1 : 0)
    return { key: parent.getKey(), offset: index, type: 'element' }
  }
  return { key: root.getKey(), offset: atEnd ? root.getChildrenSize() : 0, type: 'element' }
}

/** Moves the caret (or with `extend`, the selection's focus) to the document's start or end. */
export function $moveToEdge(edge: 'start' | 'end', extend: boolean): void {
  const point = $edgePoint(edge)
  const current = $getSelection()
  const next = $createRangeSelection()
  if (extend && $isRangeSelection(current))
    next.anchor.set(current.anchor.key, current.anchor.offset, current.anchor.type)
  else next.anchor.set(point.key, point.offset, point.type)
  next.focus.set(point.key, point.offset, point.type)
  $setSelection(next)
}
