import {
  $createRangeSelection,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  type LexicalEditor,
} from 'lexical'
import { paragraphsOf } from './applySuggestion'

/** Where the accepted text lies: text-node keys and offsets, to select it or light it up. */
export type InsertedSpan = {
  start: { key: string; offset: number }
  end: { key: string; offset: number }
}

/** Characters the answer puts into text nodes (line and paragraph breaks are not text). */
export const insertedLength = (text: string): number =>
  paragraphsOf(text).join('').replace(/\n/g, '').length

/**
 * The span of the `length` characters of text before the caret, which is where Accept leaves
 * it: just after the inserted text. Null when the caret is not in text.
 */
export function $spanBeforeCaret(length: number): InsertedSpan | null {
  const selection = $getSelection()
  if (!$isRangeSelection(selection) || selection.focus.type !== 'text') return null
  const nodes = $getRoot().getAllTextNodes()
  const endKey = selection.focus.key
  let index = nodes.findIndex((node) => node.getKey() === endKey)
  if (index < 0) return null
  const end = { key: endKey, offset: selection.focus.offset }
  let left = length
  let offset = end.offset
  for (;;) {
    const node = nodes[index]
    if (!node) return null
    if (offset >= left) return { start: { key: node.getKey(), offset: offset - left }, end }
    left -= offset
    const previous = nodes[index - 1]
    if (!previous) return { start: { key: node.getKey(), offset: 0 }, end }
    index -= 1
    offset = previous.getTextContentSize()
  }
}

/** Selects the span (the rewritten text stays selected, as Writing Tools leaves it). */
export function $selectSpan(span: InsertedSpan): void {
  const range = $createRangeSelection()
  range.anchor.set(span.start.key, span.start.offset, 'text')
  range.focus.set(span.end.key, span.end.offset, 'text')
  $setSelection(range)
}

const HIGHLIGHT = 'quire-accepted'
const HIGHLIGHT_MS = 1_600

/**
 * Lights the accepted text up for a moment with the CSS Custom Highlight API: nothing in the
 * editor's state, so nothing in the undo history or the saved Markdown. Returns a disposer.
 */
export function flashSpan(editor: LexicalEditor, span: InsertedSpan): () => void {
  const registry = (globalThis.CSS as { highlights?: HighlightRegistry } | undefined)?.highlights
  const startText = editor.getElementByKey(span.start.key)?.firstChild
  const endText = editor.getElementByKey(span.end.key)?.firstChild
  if (!registry || typeof Highlight === 'undefined' || !startText || !endText) return () => {}
  const range = document.createRange()
  try {
    range.setStart(startText, span.start.offset)
    range.setEnd(endText, span.end.offset)
  } catch {
    return () => {}
  }
  registry.set(HIGHLIGHT, new Highlight(range))
  const timer = window.setTimeout(() => registry.delete(HIGHLIGHT), HIGHLIGHT_MS)
  return () => {
    window.clearTimeout(timer)
    registry.delete(HIGHLIGHT)
  }
}
