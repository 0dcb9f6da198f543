import { describe, expect, it } from 'vitest'
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  type LexicalEditor,
} from 'lexical'
import { countText } from '../../../../src/shared/documents'
import { $importMarkdown } from '../../../../src/renderer/src/editor/markdown/importMarkdown'
import { createBlockCounter } from '../../../../src/renderer/src/editor/plugins/WordCount/blockCounts'
import { edit, openMarkdown } from '../markdown/markdownEditor'

const DOC = `# 河边的灯

The lamps along the river came on one by one, and the boats turned slowly home.

- a list item with *emphasis*
- 第二项：中文与 English 混排

> A quote, well-known and **bold**.

最后一段。`

const whole = (editor: LexicalEditor) =>
  editor.getEditorState().read(() => countText($getRoot().getTextContent()))

function counted(editor: LexicalEditor, counter: ReturnType<typeof createBlockCounter>) {
  return editor.getEditorState().read(() => counter.$count())
}

describe('the word count kept per block', () => {
  it('agrees with counting the whole text, through typing, new and deleted blocks and a new document', () => {
    const editor = openMarkdown(DOC)
    const counter = createBlockCounter(editor)
    expect(counted(editor, counter)).toEqual(whole(editor))
    expect(counted(editor, counter).words).toBeGreaterThan(20)

    // Typing inside a list item (a block's grandchild).
    edit(editor, () => {
      const list = $getRoot().getChildAtIndex(2)
      if (!$isElementNode(list)) throw new Error('no list')
      list
        .getFirstDescendant()
        ?.getParent()
        ?.append($createTextNode(' 又加了五个字 and three words'))
    })
    expect(counted(editor, counter)).toEqual(whole(editor))

    // A new paragraph, then the heading deleted.
    edit(editor, () => {
      $getRoot().append($createParagraphNode().append($createTextNode('Four more words here.')))
    })
    const before = counted(editor, counter)
    expect(before).toEqual(whole(editor))
    edit(editor, () => $getRoot().getFirstChild()?.remove())
    expect(counted(editor, counter)).toEqual(whole(editor))
    expect(counted(editor, counter).chars).toBeLessThan(before.chars)

    // Another document opened into the same editor.
    edit(editor, () => $importMarkdown('Just two.'))
    expect(counted(editor, counter)).toEqual({ words: 2, chars: 8 })
    counter.dispose()
  })

  it('a disposed counter no longer follows edits', () => {
    const editor = openMarkdown('One two three.')
    const counter = createBlockCounter(editor)
    expect(counted(editor, counter).words).toBe(3)
    counter.dispose()
    edit(editor, () => $getRoot().getFirstDescendant()?.remove())
    // The stale count is kept: nothing told the counter the block changed.
    expect(counted(editor, counter).words).toBe(3)
  })
})
