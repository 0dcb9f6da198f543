import { $insertGeneratedNodes } from '@lexical/clipboard'
import { $isCodeNode } from '@lexical/code'
import { $isListItemNode, $isListNode } from '@lexical/list'
import { $generateNodesFromDOM } from '@lexical/html'
import {
  $caretFromPoint,
  $createTabNode,
  $insertNodeToNearestRootAtCaret,
  $findMatchingParent,
  $getEditor,
  $getSelection,
  $isElementNode,
  $isLineBreakNode,
  $isParagraphNode,
  $isRangeSelection,
  $isTabNode,
  $isTextNode,
  $setSelection,
  type BaseSelection,
  type LexicalNode,
  type PointCaret,
  type RangeSelection,
} from 'lexical'
import { $markdownToNodes } from '../../markdown/importMarkdown'
import type { PasteKind } from './pasteKind'
import { normalizeLineEnds, plainParagraphs } from './plainParagraphs'

/** Whether both ends of the selection are inside a code block, where a paste stays literal. */
export function $selectionInCode(selection: BaseSelection | null): boolean {
  if (!$isRangeSelection(selection)) return false
  return [selection.anchor, selection.focus].every(
    (point) => $findMatchingParent(point.getNode(), $isCodeNode) !== null,
  )
}

/** Runs `change` on the editor's selection as it is now (each insertion may replace it). */
function $atCaret(change: (selection: RangeSelection) => void): void {
  const selection = $getSelection()
  if ($isRangeSelection(selection)) change(selection)
}

/**
 * Paragraphs of lines typed at the caret: a new paragraph between paragraphs, a line break
 * between lines. Typed, not inserted as nodes, so the text takes the style around the caret.
 */
function $typeParagraphs(selection: RangeSelection, paragraphs: readonly string[][]): void {
  if (selection !== $getSelection()) $setSelection(selection)
  paragraphs.forEach((lines, index) => {
    if (index > 0) $atCaret((caret) => caret.insertParagraph())
    lines.forEach((line, at) => {
      if (at > 0) $atCaret((caret) => caret.insertLineBreak())
      line.split('\t').forEach((part, tab) => {
        if (tab > 0) $atCaret((caret) => caret.insertNodes([$createTabNode()]))
        if (part) $atCaret((caret) => caret.insertText(part))
      })
    })
  })
}

/** Whether the block around the caret has text (a paste there would merge into it). */
function $caretBlockHasText(selection: RangeSelection): boolean {
  const block = $findMatchingParent(
    selection.anchor.getNode(),
    (node) => $isElementNode(node) && !node.isInline(),
  )
  return (block?.getTextContentSize() ?? 0) > 0
}

/** Splitting a list at an item's end (or start) leaves an empty item behind: it goes. */
function $dropSplitItem(list: LexicalNode | null, end: 'first' | 'last'): void {
  if (!$isListNode(list)) return
  const item = end === 'first' ? list.getFirstChild() : list.getLastChild()
  if (!$isListItemNode(item) || item.getChildrenSize() > 0) return
  item.remove()
  if (list.getChildrenSize() === 0) list.remove()
}

const $caretInListItem = (selection: RangeSelection): boolean =>
  $findMatchingParent(selection.anchor.getNode(), $isListItemNode) !== null

/** Unformatted paragraphs only (text, tabs, line breaks): Markdown that was just prose. */
const isProse = (node: LexicalNode): boolean =>
  $isParagraphNode(node) &&
  node
    .getChildren()
    .every(
      (child) =>
        $isLineBreakNode(child) ||
        $isTabNode(child) ||
        ($isTextNode(child) && child.getFormat() === 0 && child.getStyle() === ''),
    )

/** A paragraph with nothing to read in it: what blank lines and `<br>`s between blocks become. */
const isBlank = (node: LexicalNode): boolean =>
  ($isParagraphNode(node) &&
    node
      .getChildren()
      .every(
        (child) =>
          $isLineBreakNode(child) || ($isTextNode(child) && child.getTextContent().trim() === ''),
      )) ||
  $isLineBreakNode(node)

/**
 * Rich HTML as Lexical's own paste reads it (`$generateNodesFromDOM`), less the empty paragraphs
 * that `<p></p>` and `<br>` between blocks become. An inline snippet is left as it is.
 */
function $htmlNodes(html: string): LexicalNode[] {
  const dom = new DOMParser().parseFromString(html, 'text/html')
  const nodes = $generateNodesFromDOM($getEditor(), dom)
  const hasBlocks = nodes.some((node) => $isElementNode(node) && !node.isInline())
  return hasBlocks ? nodes.filter((node) => !isBlank(node)) : nodes
}

/** What a paste carries. */
export type PastedData = { text: string; html: string }

/** Inserts a paste at the selection, read the way `kind` says. */
export function $insertPaste(
  kind: Exclude<PasteKind, 'default'>,
  data: PastedData,
  selection: BaseSelection,
): void {
  if (kind === 'html') {
    let nodes: LexicalNode[]
    try {
      nodes = $htmlNodes(data.html)
    } catch (error) {
      // As Lexical's own paste does: HTML it cannot read falls back to the plain text.
      console.warn('quire: the pasted HTML could not be read; pasting its text', error)
      if (data.text) $insertPaste('markdown', data, selection)
      return
    }
    if (nodes.length > 0) $insertGeneratedNodes($getEditor(), nodes, selection)
    return
  }
  const clean = normalizeLineEnds(data.text)
  // Spaces or a tab alone go in as they are; blank lines alone make nothing.
  const blank = clean.trim() === ''
  if (blank && clean.includes('\n') && kind !== 'literal') return
  if (kind === 'literal' || blank || !$isRangeSelection(selection)) {
    selection.insertRawText(clean)
    return
  }
  if (kind === 'plain') {
    $typeParagraphs(selection, plainParagraphs(clean))
    return
  }
  const nodes = $markdownToNodes(clean, 'paste').blocks.map((block) => block.node)
  if (nodes.every(isProse)) {
    // Prose: typed like plain text (so pasting a word into bold stays bold).
    const paragraphs = nodes.map((node) => node.getTextContent().split('\n'))
    $typeParagraphs(selection, paragraphs)
    return
  }
  const first = nodes[0]
  // In a list, Lexical would pour a pasted heading, quote or code block into the item; it goes
  // between the list's two halves instead (the paragraphs after it follow it out of the list).
  if (first && !$isParagraphNode(first) && !$isListNode(first) && $caretInListItem(selection)) {
    if (!selection.isCollapsed()) selection.removeText()
    let caret: PointCaret<'next'> = $caretFromPoint(selection.anchor, 'next')
    for (const node of nodes) caret = $insertNodeToNearestRootAtCaret(node, caret)
    $dropSplitItem(first.getPreviousSibling(), 'last')
    $dropSplitItem(nodes.at(-1)?.getNextSibling() ?? null, 'first')
    nodes.at(-1)?.selectEnd()
    return
  }
  // Lexical merges the first pasted block into the paragraph at the caret; a pasted heading,
  // list, quote or code block keeps its kind on a line of its own instead.
  if (first && !$isParagraphNode(first) && $caretBlockHasText(selection)) {
    if (selection !== $getSelection()) $setSelection(selection)
    selection.insertParagraph()
  }
  const caret = $getSelection()
  if (caret) $insertGeneratedNodes($getEditor(), nodes, caret)
}
