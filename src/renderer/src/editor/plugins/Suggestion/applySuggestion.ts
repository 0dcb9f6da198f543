import {
  $createLineBreakNode,
  $createParagraphNode,
  $createRangeSelection,
  $createTextNode,
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
  type ElementNode,
  type LexicalNode,
  type RangeSelection,
} from 'lexical'
import { $isHeadingNode } from '@lexical/rich-text'
import type { MarkNode } from '@lexical/mark'
import type { ApplyMode } from '@shared/contract'
import { joiningSpace } from '@shared/text/words'
import { $blockOf, $targetMarks, $targetText, $unmarkTarget, type SuggestionTarget } from './target'

/** The answer's paragraphs (separated by blank lines), each with its own lines. */
export const paragraphsOf = (text: string): string[] =>
  text
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)

type Block = { block: ElementNode; marks: MarkNode[] }

/** The blocks the passage touches, each with the marks inside it, in document order. */
function $blocksOf(marks: readonly MarkNode[]): Block[] {
  const blocks: Block[] = []
  for (const mark of marks) {
    const block = $blockOf(mark)
    if (!block) continue
    const last = blocks.at(-1)
    if (last?.block.is(block)) last.marks.push(mark)
    else blocks.push({ block, marks: [mark] })
  }
  return blocks
}

/** Lines of one paragraph as text and line-break nodes. */
function lineNodes(paragraph: string): LexicalNode[] {
  return paragraph.split('\n').flatMap((line, index) => {
    const nodes: LexicalNode[] = index > 0 ? [$createLineBreakNode()] : []
    if (line) nodes.push($createTextNode(line))
    return nodes
  })
}

function $paragraph(text: string): ElementNode {
  return $createParagraphNode().append(...lineNodes(text))
}

/** Puts `paragraph` where the block's marked text was (the block keeps its type); its last node. */
function $replaceInBlock({ marks }: Block, paragraph: string): LexicalNode | null {
  const [first, ...rest] = marks
  if (!first) return null
  const nodes = lineNodes(paragraph)
  // Append before removing: a mark left empty for a moment would remove itself.
  const old = first.getChildren()
  first.append(...nodes)
  for (const node of old) node.remove()
  for (const mark of rest) mark.remove()
  return nodes.at(-1) ?? null
}

/** Insert `paragraphs` into `range`: the first in place, the rest as blocks of the same kind. */
function $insertParagraphs(range: RangeSelection, paragraphs: readonly string[]): void {
  $setSelection(range)
  paragraphs.forEach((paragraph, index) => {
    const current = $getSelection()
    if (!$isRangeSelection(current)) return
    if (index > 0) current.insertParagraph()
    const next = $getSelection()
    if ($isRangeSelection(next)) next.insertRawText(paragraph)
  })
}

/** The marked stretch as one range, once the marks themselves are gone. */
function $rangeAround(firstChild: LexicalNode, lastChild: LexicalNode): RangeSelection {
  const range = $createRangeSelection()
  if ($isTextNode(firstChild)) range.anchor.set(firstChild.getKey(), 0, 'text')
  else
    range.anchor.set(
      firstChild.getParentOrThrow().getKey(),
      firstChild.getIndexWithinParent(),
      'element',
    )
  if ($isTextNode(lastChild))
    range.focus.set(lastChild.getKey(), lastChild.getTextContentSize(), 'text')
  else
    range.focus.set(
      lastChild.getParentOrThrow().getKey(),
      lastChild.getIndexWithinParent() + 1,
      'element',
    )
  return range
}

/**
 * Headings in the passage stay as they were; the marked prose is taken out and the answer goes
 * in as paragraphs where that prose began (or after the last heading, when there was none).
 */
function $replaceAroundHeadings(blocks: readonly Block[], paragraphs: readonly string[]): void {
  const prose = blocks.filter(({ block }) => !$isHeadingNode(block))
  const nodes = paragraphs.map($paragraph)
  const place = prose[0]
  if (!place) {
    const heading = blocks.at(-1)?.block
    let after: LexicalNode | undefined = heading
    for (const node of nodes) after = after?.insertAfter(node)
    nodes.at(-1)?.selectEnd()
    return
  }
  const startsBlock = place.marks[0]?.getPreviousSibling() === null
  for (const { block, marks } of prose) {
    for (const mark of marks) mark.remove()
    if (!block.is(place.block) && block.getChildrenSize() === 0) block.remove()
  }
  if (place.block.getChildrenSize() === 0) {
    const [head, ...tail] = nodes
    if (head) place.block.replace(head)
    let after: LexicalNode | undefined = head
    for (const node of tail) after = after?.insertAfter(node)
  } else if (startsBlock) {
    for (const node of nodes) place.block.insertBefore(node)
  } else {
    let after: LexicalNode = place.block
    for (const node of nodes) after = after.insertAfter(node)
  }
  nodes.at(-1)?.selectEnd()
}

/**
 * Replaces the passage keeping its block structure: when the answer has one paragraph per
 * selected block, each block keeps its type (a heading stays a heading with its new text);
 * otherwise headings are left as they were and the answer goes into paragraphs.
 */
function $replace(markId: string, paragraphs: readonly string[]): void {
  const marks = $targetMarks(markId)
  const blocks = $blocksOf(marks)
  if (blocks.length === paragraphs.length) {
    const ends = blocks.map((block, index) => $replaceInBlock(block, paragraphs[index] ?? ''))
    $unmarkTarget(markId)
    ends.at(-1)?.selectEnd()
    return
  }
  if (blocks.some(({ block }) => $isHeadingNode(block))) {
    $replaceAroundHeadings(blocks, paragraphs)
    $unmarkTarget(markId)
    return
  }
  const first = marks[0]?.getFirstChild()
  const last = marks.at(-1)?.getLastChild()
  $unmarkTarget(markId)
  if (first && last) $insertParagraphs($rangeAround(first, last), paragraphs)
}

/** New paragraphs after `block`, lines kept (poems). */
function $appendBlocks(block: ElementNode, paragraphs: readonly string[]): void {
  let after: LexicalNode = block
  for (const paragraph of paragraphs) after = after.insertAfter($paragraph(paragraph))
  after.selectEnd()
}

/**
 * Puts the suggestion into the document the way its prompt says: `replace` the passage,
 * `insert-after` it (a new paragraph when the answer has several, lines of verse, or follows a
 * heading; else inline), or `at-cursor` (inline at the passage's end). Returns false, and
 * changes nothing, when the passage is gone or no longer says what it said when the action ran.
 * The passage's marks are removed when it succeeds.
 */
export function $applySuggestion(
  target: SuggestionTarget,
  suggestion: string,
  apply: ApplyMode,
): boolean {
  if ($targetText(target.markId) !== target.text) return false
  const paragraphs = paragraphsOf(suggestion)
  if (paragraphs.length === 0) return false
  if (apply === 'replace') {
    $replace(target.markId, paragraphs)
    return true
  }
  const lastMark = $targetMarks(target.markId).at(-1)
  const endBlock = lastMark ? $blockOf(lastMark) : null
  const lastChild = lastMark?.getLastChild()
  if (!endBlock || !lastChild) return false
  const multiline = paragraphs.length > 1 || paragraphs.some((p) => p.includes('\n'))
  $unmarkTarget(target.markId)
  if ((apply === 'insert-after' && multiline) || $isHeadingNode(endBlock)) {
    $appendBlocks(endBlock, paragraphs)
    return true
  }
  const end = $rangeAround(lastChild, lastChild)
  end.anchor.set(end.focus.key, end.focus.offset, end.focus.type)
  const first = paragraphs[0] ?? ''
  const separator = joiningSpace(target.text, first)
  $insertParagraphs(end, [separator + first, ...paragraphs.slice(1)])
  return true
}
