import { describe, expect, it } from 'vitest'
import { createHeadlessEditor } from '@lexical/headless'
import { MarkNode } from '@lexical/mark'
import { $createRangeSelection, $getRoot, $isElementNode, $setSelection } from 'lexical'
import { $exportMarkdown } from '../../../../src/renderer/src/editor/markdown/exportMarkdown'
import { $importMarkdown } from '../../../../src/renderer/src/editor/markdown/importMarkdown'
import { markdownNodes } from '../../../../src/renderer/src/editor/markdown/transformers'
import {
  $markTarget,
  $unmarkTarget,
} from '../../../../src/renderer/src/editor/plugins/Suggestion/target'

// Written the writer's way: `__bold__` and `_italic_` are not how Lexical would write them.
const FILE = '# Evening\n\nThe lamps came on __slowly__ along the _quiet_ river.\n\n雨落在窗上。\n'

function openWithMarks(markdown: string) {
  const editor = createHeadlessEditor({
    nodes: [...markdownNodes, MarkNode],
    onError: (error) => {
      throw error
    },
  })
  editor.update(() => $importMarkdown(markdown), { discrete: true })
  return editor
}

/** Selects the whole second block (the paragraph) and marks it as a card's passage. */
function markParagraph(editor: ReturnType<typeof openWithMarks>, markId: string): void {
  editor.update(
    () => {
      const paragraph = $getRoot().getChildAtIndex(1)
      const texts = $isElementNode(paragraph) ? paragraph.getAllTextNodes() : []
      const first = texts[0]
      const last = texts.at(-1)
      if (!first || !last) throw new Error('no text in the paragraph')
      const range = $createRangeSelection()
      range.anchor.set(first.getKey(), 0, 'text')
      range.focus.set(last.getKey(), last.getTextContentSize(), 'text')
      $setSelection(range)
      expect($markTarget(markId)).not.toBeNull()
    },
    { discrete: true },
  )
}

const save = (editor: ReturnType<typeof openWithMarks>) =>
  editor.getEditorState().read(() => $exportMarkdown())

describe('the suggestion card’s mark and the saved Markdown', () => {
  it('never reaches the file, and leaves the writer’s own spelling of the paragraph alone', () => {
    const editor = openWithMarks(FILE)
    expect(save(editor)).toBe(FILE)
    markParagraph(editor, 'card-1')
    expect(editor.getEditorState().read(() => $getRoot().getTextContent())).toContain('slowly')
    expect(save(editor)).toBe(FILE)
    editor.update(() => $unmarkTarget('card-1'), { discrete: true })
    expect(save(editor)).toBe(FILE)
  })
})
