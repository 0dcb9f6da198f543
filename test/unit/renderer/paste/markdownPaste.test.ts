import { beforeAll, describe, expect, it, vi } from 'vitest'
import { $isCodeNode } from '@lexical/code'
import { $isListNode } from '@lexical/list'
import { $isHeadingNode, $isQuoteNode } from '@lexical/rich-text'
import { $getRoot, PASTE_COMMAND, UNDO_COMMAND } from 'lexical'
import {
  blockKinds,
  blockTexts,
  markdownOf,
  openEditor,
  paste,
  pasteEvent,
  useHappyDomParser,
} from './pasteEditor'

beforeAll(useHappyDomParser)

describe('Markdown paste', () => {
  it('turns pasted Markdown into headings, lists, quotes, emphasis, links and code', () => {
    const { editor } = openEditor('')
    const markdown = [
      '# Title',
      '',
      '- one',
      '- two',
      '',
      '> A quote with **bold**, *italic* and a [link](https://example.com).',
      '',
      '```js',
      'let x = 1',
      '```',
    ].join('\n')
    expect(paste(editor, { 'text/plain': markdown })).toBe(true)
    expect(blockKinds(editor)).toEqual(['heading', 'list', 'quote', 'code'])
    editor.getEditorState().read(() => {
      const [heading, list, quote, code] = $getRoot().getChildren()
      expect($isHeadingNode(heading) && heading.getTag()).toBe('h1')
      expect($isListNode(list) && list.getListType()).toBe('bullet')
      expect($isQuoteNode(quote)).toBe(true)
      const bold = $getRoot()
        .getAllTextNodes()
        .find((node) => node.getTextContent() === 'bold')
      expect(bold?.hasFormat('bold')).toBe(true)
      expect($isCodeNode(code) && code.getTextContent()).toBe('let x = 1')
    })
    // What was pasted is saved as the Markdown it came from.
    expect(markdownOf(editor)).toBe(`${markdown}\n`)
  })

  it('reads Chinese Markdown the same way', () => {
    const { editor } = openEditor('')
    paste(editor, { 'text/plain': '## 秋天\n\n1. 落叶\n2. 桂花\n\n> 天凉好个*秋*。' })
    expect(blockKinds(editor)).toEqual(['heading', 'list', 'quote'])
    editor.getEditorState().read(() => {
      const [heading, list] = $getRoot().getChildren()
      expect($isHeadingNode(heading) && heading.getTag()).toBe('h2')
      expect($isListNode(list) && list.getListType()).toBe('number')
      expect(list?.getTextContent()).toContain('桂花')
      const italic = $getRoot()
        .getAllTextNodes()
        .find((node) => node.getTextContent() === '秋')
      expect(italic?.hasFormat('italic')).toBe(true)
    })
  })

  it('takes a heading or a code block pasted in a list out of the list, between its halves', () => {
    const { editor } = openEditor('- one\n- two\n- three', 'two')
    paste(editor, { 'text/plain': '## Head\n\ntext' })
    expect(blockKinds(editor)).toEqual(['list', 'heading', 'paragraph', 'list'])
    expect(markdownOf(editor)).toBe('- one\n- two\n\n## Head\n\ntext\n\n- three')
    // A list pasted in a list joins it.
    const joined = openEditor('- one', 'one').editor
    paste(joined, { 'text/plain': '- two\n- three' })
    expect(markdownOf(joined)).toBe('- one\n- two\n- three')
    // At the very start of a list, nothing empty is left before the block.
    const atStart = openEditor('- one', '').editor
    paste(atStart, { 'text/plain': '```\ncode\n```' })
    expect(blockKinds(atStart)).toEqual(['code', 'list'])
  })

  it('falls back to the text when the HTML cannot be read, and loses nothing', () => {
    const parser = globalThis.DOMParser
    globalThis.DOMParser = class {
      parseFromString(): never {
        throw new Error('unreadable')
      }
    } as unknown as typeof DOMParser
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    try {
      const { editor } = openEditor('')
      paste(editor, { 'text/plain': '# Kept', 'text/html': '<h1>Kept</h1>' })
      expect(blockKinds(editor)).toEqual(['heading'])
      expect(blockTexts(editor)).toEqual(['Kept'])
      expect(warn).toHaveBeenCalledOnce()
    } finally {
      globalThis.DOMParser = parser
      warn.mockRestore()
    }
  })

  it('keeps a table as Markdown source, as a document keeps one', () => {
    const { editor } = openEditor('')
    const table = '| a | b |\n| - | - |\n| 1 | 2 |'
    paste(editor, { 'text/plain': `Before\n\n${table}\n\nAfter` })
    expect(blockKinds(editor)).toEqual(['paragraph', 'code', 'paragraph'])
    expect(blockTexts(editor)[1]).toBe(table)
    expect(markdownOf(editor)).toBe(`Before\n\n${table}\n\nAfter\n`)
  })

  it('leaves no empty paragraphs for blank lines, and keeps a single line break', () => {
    const { editor } = openEditor('')
    paste(editor, {
      'text/plain': '第一段。\r\n\r\n\r\n\r\n第二段，\r\n第二行。\n\n  \n\u3000\nLast.\n',
    })
    expect(blockKinds(editor)).toEqual(['paragraph', 'paragraph', 'paragraph'])
    expect(blockTexts(editor)).toEqual(['第一段。', '第二段，\n第二行。', 'Last.'])
  })

  it('pastes into the middle of a paragraph: the first and last paragraphs join the text around', () => {
    const { editor } = openEditor('Before after', 'Before')
    paste(editor, { 'text/plain': ' one\n\ntwo' })
    expect(blockTexts(editor)).toEqual(['Before one', 'two after'])
  })

  it('pastes a space or a tab as it is, and blank lines alone as nothing', () => {
    const { editor } = openEditor('AB', 'A')
    paste(editor, { 'text/plain': ' ' })
    paste(editor, { 'text/plain': '\t' })
    paste(editor, { 'text/plain': '\n\n \n' })
    expect(blockTexts(editor)).toEqual(['A \tB'])
  })

  it('gives prose the style around the caret, as typing would', () => {
    const { editor } = openEditor('Some **bold** text', 'bold')
    paste(editor, { 'text/plain': ' and more' })
    editor.getEditorState().read(() => {
      const node = $getRoot()
        .getAllTextNodes()
        .find((text) => text.getTextContent().includes('and more'))
      expect(node?.getTextContent()).toBe('bold and more')
      expect(node?.hasFormat('bold')).toBe(true)
    })
  })

  it('is one undo step', () => {
    const { editor } = openEditor('Draft\n')
    paste(editor, { 'text/plain': '\n\n# Heading\n\n- a\n- b' })
    expect(blockKinds(editor)).toEqual(['paragraph', 'heading', 'list'])
    editor.update(() => void editor.dispatchCommand(UNDO_COMMAND, undefined), { discrete: true })
    expect(markdownOf(editor)).toBe('Draft\n')
  })

  it('leaves Lexical’s own copies and files to Lexical', () => {
    // Without the rich-text plugin: nobody else takes the paste.
    const { editor } = openEditor('Draft\n', undefined, { richText: false })
    const clipboards: Record<string, string>[] = [
      { 'text/plain': '# a', 'text/html': '<h1>a</h1>', 'application/x-lexical-editor': '{}' },
      { Files: '' },
    ]
    for (const data of clipboards) {
      const { event, prevented } = pasteEvent(data)
      let handled = true
      editor.update(() => void (handled = editor.dispatchCommand(PASTE_COMMAND, event)), {
        discrete: true,
      })
      expect(handled).toBe(false)
      expect(prevented()).toBe(false)
    }
    expect(markdownOf(editor)).toBe('Draft\n')
  })

  it('reads rich HTML with Lexical’s HTML import, without the empty paragraphs of <br> and <p></p>', () => {
    const { editor } = openEditor('')
    paste(editor, {
      'text/plain': 'One Two Three',
      'text/html': '<h2>One</h2><br><p>Two <b>bold</b></p><p></p><p> </p><p>Three</p>',
    })
    expect(blockKinds(editor)).toEqual(['heading', 'paragraph', 'paragraph'])
    expect(blockTexts(editor)).toEqual(['One', 'Two bold', 'Three'])
    // An inline snippet stays inline, at the caret.
    const inline = openEditor('Say ', 'Say ').editor
    paste(inline, { 'text/plain': 'hello', 'text/html': '<span>hello</span> <i>there</i>' })
    expect(blockTexts(inline)).toEqual(['Say hello there'])
  })
})
