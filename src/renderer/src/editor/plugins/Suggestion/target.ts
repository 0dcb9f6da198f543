import {
  $createLineBreakNode,
  $createParagraphNode,
  $createRangeSelection,
  $createTextNode,
  $getNodeByKey,
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

function $stillThere(target: SuggestionTarget): RangeSelection | null {
  try {
    const selection = $restore(target)
    if (selection.getTextContent() === target.text) return selection
  } catch {
    // The saved points no longer exist; look for the passage below.
  }
  return $findMoved(target)
}

/**
 * Typing before the passage in the same paragraph shifts its offsets: find the passage's text
 * again in that text node, nearest to where it was. Only the writer's own passage, unchanged.
 */
function $findMoved(target: SuggestionTarget): RangeSelection | null {
  if (target.anchor.key !== target.focus.key || target.anchor.type !== 'text') return null
  const node = $getNodeByKey(target.anchor.key)
  if (!$isTextNode(node)) return null
  const content = node.getTextContent()
  let best = -1
  for (let at = content.indexOf(target.text); at >= 0; at = content.indexOf(target.text, at + 1)) {
    if (best < 0 || Math.abs(at - target.anchor.offset) < Math.abs(best - target.anchor.offset))
      best = at
  }
  if (best < 0) return null
  const key = node.getKey()
  return $restore({
    anchor: { key, offset: best, type: 'text' },
    focus: { key, offset: best + target.text.length, type: 'text' },
  })
}

const paragraphsOf = (text: string): string[] =>
  text
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)

function $insertParagraphs(selection: RangeSelection, paragraphs: readonly string[]): void {
  $setSelection(selection)
  paragraphs.forEach((paragraph, index) => {
    const current = $getSelection()
    if (!$isRangeSelection(current)) return
    if (index > 0) current.insertParagraph()
    const next = $getSelection()
    if ($isRangeSelection(next)) next.insertRawText(paragraph)
  })
}

/** New paragraphs after the block that holds the end of the target, lines kept (poems). */
function $appendBlocks(target: SuggestionTarget, paragraphs: readonly string[]): void {
  const end = $getNodeByKey(target.focus.key)
  let after = end?.getTopLevelElement() ?? null
  for (const paragraph of paragraphs) {
    const node = $createParagraphNode()
    paragraph.split('\n').forEach((line, index) => {
      if (index > 0) node.append($createLineBreakNode())
      if (line) node.append($createTextNode(line))
    })
    if (after) after.insertAfter(node)
    else $getRoot().append(node)
    after = node
  }
  after?.selectEnd()
}

const LATIN_END = /[\p{Script=Latin}\d.,;:!?)"'’”]$/u

/**
 * Puts the suggestion into the document the way its prompt says: `replace` the target,
 * `insert-after` it (a new paragraph when the answer has several, or lines of verse; else
 * inline), or `at-cursor` (inline at the target's end). Returns false, and changes nothing,
 * when the passage is no longer what it was when the action ran.
 */
export function $applySuggestion(
  target: SuggestionTarget,
  suggestion: string,
  apply: 'replace' | 'insert-after' | 'at-cursor',
): boolean {
  const selection = $stillThere(target)
  if (!selection) return false
  const paragraphs = paragraphsOf(suggestion)
  if (paragraphs.length === 0) return false
  if (apply === 'replace') {
    $insertParagraphs(selection, paragraphs)
    return true
  }
  const multiline = paragraphs.length > 1 || paragraphs.some((p) => p.includes('\n'))
  if (apply === 'insert-after' && multiline) {
    $appendBlocks(target, paragraphs)
    return true
  }
  const end = $createRangeSelection()
  end.anchor.set(selection.focus.key, selection.focus.offset, selection.focus.type)
  end.focus.set(selection.focus.key, selection.focus.offset, selection.focus.type)
  const first = paragraphs[0] ?? ''
  const separator = LATIN_END.test(target.text) && /^[\p{Script=Latin}\d]/u.test(first) ? ' ' : ''
  $insertParagraphs(end, [separator + first, ...paragraphs.slice(1)])
  return true
}
