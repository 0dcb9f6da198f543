import { $createHeadingNode } from '@lexical/rich-text'
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $isTextNode,
  type LexicalNode,
} from 'lexical'
import { describe, expect, it } from 'vitest'
import {
  $exportMarkdown,
  registerBlockCache,
  type BlockCache,
} from '../../../../src/renderer/src/editor/markdown/exportMarkdown'
import { edit, openMarkdown, saveMarkdown } from './markdownEditor'

const firstText = (node: LexicalNode | null | undefined) => {
  const text = $isElementNode(node) ? node.getAllTextNodes()[0] : null
  if (!$isTextNode(text)) throw new Error('no text in the block')
  return text
}

describe('saving an edited Markdown document', () => {
  it('writes a new document typed from scratch as a heading and a paragraph', () => {
    const editor = openMarkdown('')
    edit(editor, () => {
      $getRoot().append(
        $createHeadingNode('h1').append($createTextNode('Heading')),
        $createParagraphNode().append($createTextNode('A paragraph.')),
      )
    })
    expect(saveMarkdown(editor)).toBe('# Heading\n\nA paragraph.\n')
  })

  it('changes only the block the writer edited; the rest keeps its spelling and spacing', () => {
    const markdown =
      '# Title\n\n__bold__ intro\n\n\n* one\n* two\n\n| a | b |\n|---|---|\n\nLast line.\n'
    const editor = openMarkdown(markdown)
    edit(editor, () => firstText($getRoot().getLastChild()).setTextContent('Last line, edited.'))
    expect(saveMarkdown(editor)).toBe(markdown.replace('Last line.', 'Last line, edited.'))
  })

  it('writes each keystroke inside a block when saving repeatedly with the block cache', () => {
    const editor = openMarkdown('# Title\n\nSome text\n\nLast.\n')
    const cache: BlockCache = new Map()
    const stop = registerBlockCache(editor, cache)
    const save = () => editor.getEditorState().read(() => $exportMarkdown(cache))
    expect(save()).toBe('# Title\n\nSome text\n\nLast.\n')
    for (const more of [' and', ' more']) {
      edit(editor, () => {
        const text = firstText($getRoot().getChildAtIndex(1))
        text.setTextContent(text.getTextContent() + more)
      })
      expect(save()).toBe(
        `# Title\n\nSome text${more === ' and' ? ' and' : ' and more'}\n\nLast.\n`,
      )
    }
    stop()
  })

  it('writes an edited block that was spelled differently in Lexical’s spelling, without losing text', () => {
    const editor = openMarkdown('__bold__ intro\n')
    edit(editor, () => {
      const paragraph = $getRoot().getFirstChild()
      if (!$isElementNode(paragraph)) throw new Error('no paragraph')
      paragraph.append($createTextNode(' and more'))
    })
    expect(saveMarkdown(editor)).toBe('**bold** intro and more\n')
  })

  it('keeps a table the writer edited as the text they typed', () => {
    const editor = openMarkdown('| a | b |\n|---|---|\n| 1 | 2 |\n')
    edit(editor, () => firstText($getRoot().getFirstChild()).setTextContent('| x | y |'))
    expect(saveMarkdown(editor)).toBe('| x | y |\n|---|---|\n| 1 | 2 |\n')
  })

  it('separates a paragraph inserted between two blocks with a blank line', () => {
    const editor = openMarkdown('# Title\nText right under it.\n')
    edit(editor, () => {
      $getRoot()
        .getFirstChildOrThrow()
        .insertAfter($createParagraphNode().append($createTextNode('Inserted.')))
    })
    expect(saveMarkdown(editor)).toBe('# Title\n\nInserted.\n\nText right under it.\n')
  })

  it('keeps two lists that follow each other as two lists', () => {
    const markdown = '+ plus one\n+ plus two\n\n- dash one\n- dash two\n'
    const editor = openMarkdown(markdown)
    expect(editor.getEditorState().read(() => $getRoot().getChildrenSize())).toBe(2)
    expect(saveMarkdown(editor)).toBe(markdown)
  })

  it('leaves out empty paragraphs, which Markdown has no way to write', () => {
    const editor = openMarkdown('One.\n\nTwo.\n')
    edit(editor, () => $getRoot().getFirstChildOrThrow().insertAfter($createParagraphNode()))
    expect(saveMarkdown(editor)).toBe('One.\n\nTwo.\n')
  })

  it('writes nothing for an empty document', () => {
    expect(saveMarkdown(openMarkdown(''))).toBe('')
    expect(saveMarkdown(openMarkdown('\n\n'))).toBe('')
  })
})
