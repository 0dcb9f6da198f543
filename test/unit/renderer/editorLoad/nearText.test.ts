import { describe, expect, it } from 'vitest'
import { createHeadlessEditor } from '@lexical/headless'
import { MarkNode } from '@lexical/mark'
import {
  $createRangeSelection,
  $getRoot,
  $isTextNode,
  $setSelection,
  type LexicalEditor,
  type TextNode,
} from 'lexical'
import { $dfsIterator } from '@lexical/utils'
import { $importMarkdown } from '../../../../src/renderer/src/editor/markdown/importMarkdown'
import { markdownNodes } from '../../../../src/renderer/src/editor/markdown/transformers'
import {
  $documentEdge,
  $markTarget,
  $textBetween,
  $blockOf,
  type SuggestionTarget,
} from '../../../../src/renderer/src/editor/plugins/Suggestion/target'
import { $cursorContext } from '../../../../src/renderer/src/editor/plugins/GhostText/cursorContext'

/** ~40,000 characters: paragraphs, headings, lists, quotes and blank paragraphs, English and Chinese. */
function longMarkdown(): string {
  const blocks: string[] = []
  for (let i = 0; i < 60; i++) {
    blocks.push(`## Part ${i}`)
    blocks.push(`Paragraph ${i}: the lamps along the river came on one by one. `.repeat(6).trim())
    if (i % 3 === 0) blocks.push(`- item ${i} a\n- item ${i} b with *stress*\n  - nested ${i}`)
    if (i % 4 === 0) blocks.push(`> 第${i}段引文，河边的灯一盏一盏亮起来。`)
    if (i % 5 === 0) blocks.push(`最后一段${i}。`.repeat(40))
  }
  return blocks.join('\n\n')
}

function openLong(): LexicalEditor {
  const editor = createHeadlessEditor({
    nodes: [...markdownNodes, MarkNode],
    onError: (error) => {
      throw error
    },
  })
  editor.update(() => $importMarkdown(longMarkdown()), { discrete: true })
  return editor
}

function $textNodes(): TextNode[] {
  const nodes: TextNode[] = []
  for (const { node } of $dfsIterator()) if ($isTextNode(node)) nodes.push(node)
  return nodes
}

/** Selects `length` characters from `offset` in the text node at `index` (collapsed when 0). */
function $select(index: number, offset: number, length: number): void {
  const node = $textNodes().at(index)
  if (!node) throw new Error(`no text node ${index}`)
  const range = $createRangeSelection()
  range.anchor.set(node.getKey(), offset, 'text')
  range.focus.set(node.getKey(), Math.min(offset + length, node.getTextContentSize()), 'text')
  $setSelection(range)
}

describe('the text around a passage, read near it instead of from the document edges', () => {
  it('gives a suggestion the same text before and after as reading the whole document did', () => {
    const editor = openLong()
    const count = editor.getEditorState().read(() => $textNodes().length)
    expect(editor.getEditorState().read(() => $getRoot().getTextContentSize())).toBeGreaterThan(
      20_000,
    )
    // Near the start, in a list, in Chinese, in the middle and near the end.
    for (const index of [1, 4, 9, Math.floor(count / 2), count - 6, count - 1]) {
      let expected = { before: '', after: '' }
      let target: SuggestionTarget | null = null
      editor.update(
        () => {
          $select(index, 2, 5)
          const node = $textNodes().at(index)!
          const start = { key: node.getKey(), offset: 2, type: 'text' as const }
          const end = { ...start, offset: Math.min(7, node.getTextContentSize()) }
          expected = {
            before: $textBetween($documentEdge('start'), start).slice(-6_000),
            after: $textBetween(end, $documentEdge('end')).slice(0, 2_000),
          }
          target = $markTarget(`mark-${index}`)
        },
        { discrete: true },
      )
      expect(target).not.toBeNull()
      expect({ before: target!.before, after: target!.after }).toEqual(expected)
    }
  })

  it('gives a continuation at the cursor the same text before and after', () => {
    const editor = openLong()
    const count = editor.getEditorState().read(() => $textNodes().length)
    for (const index of [0, 3, 10, Math.floor(count / 2), count - 2]) {
      editor.update(() => $select(index, 3, 0), { discrete: true })
      editor.getEditorState().read(() => {
        const context = $cursorContext()
        if (!context) throw new Error(`no context at ${index}`)
        const node = $textNodes().at(index)!
        const block = $blockOf(node)!
        const blockStart = { key: block.getKey(), offset: 0, type: 'element' as const }
        const point = { key: node.getKey(), offset: 3, type: 'text' as const }
        expect(context.before).toEqual(
          $textBetween($documentEdge('start'), blockStart).slice(-6_000),
        )
        expect(context.after).toEqual($textBetween(point, $documentEdge('end')).slice(0, 2_000))
      })
    }
  })
})
