import { Window } from 'happy-dom'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { createHeadlessEditor } from '@lexical/headless'
import { $isCodeNode } from '@lexical/code'
import { registerHistory, createEmptyHistoryState } from '@lexical/history'
import { $isListNode } from '@lexical/list'
import { $isHeadingNode, $isQuoteNode, registerRichText } from '@lexical/rich-text'
import {
  $getRoot,
  $isTextNode,
  type LexicalEditor,
  PASTE_COMMAND,
  KEY_DOWN_COMMAND,
  UNDO_COMMAND,
  $getSelection,
  $isRangeSelection,
} from 'lexical'
import { $exportMarkdown } from '../../../../src/renderer/src/editor/markdown/exportMarkdown'
import { $importMarkdown } from '../../../../src/renderer/src/editor/markdown/importMarkdown'
import { markdownNodes } from '../../../../src/renderer/src/editor/markdown/transformers'
import { registerPaste } from '../../../../src/renderer/src/editor/plugins/Paste/registerPaste'
import { PLAIN_PASTE_WINDOW_MS } from '../../../../src/renderer/src/editor/plugins/Paste/plainPasteKey'
import { choosePaste } from '../../../../src/renderer/src/editor/plugins/Paste/pasteKind'

type Clock = { time: number }

// The renderer parses pasted HTML with the browser's DOMParser; here happy-dom's stands in.
beforeAll(() => {
  globalThis.DOMParser ??= new Window().DOMParser as unknown as typeof DOMParser
})

/**
 * A DOM-free editor as the app builds it (rich text, history, paste), holding `markdown`, the
 * caret at the end of the last text (or where `caretAt` says, in the first block that has it).
 */
function openEditor(markdown: string, caretAt?: string, { richText = true } = {}) {
  const clock: Clock = { time: 0 }
  const editor = createHeadlessEditor({
    namespace: 'test',
    nodes: markdownNodes,
    onError: (error) => {
      throw error
    },
  })
  if (richText) registerRichText(editor)
  registerHistory(editor, createEmptyHistoryState(), 0)
  registerPaste(editor, { isMac: false, now: () => clock.time })
  editor.update(
    () => {
      $importMarkdown(markdown)
      const texts = $getRoot().getAllTextNodes()
      if (caretAt === undefined) {
        const last = texts.at(-1)
        if (last) last.select(last.getTextContentSize(), last.getTextContentSize())
        else $getRoot().selectEnd()
        return
      }
      const node = texts.find((text) => text.getTextContent().includes(caretAt))
      const offset = (node?.getTextContent().indexOf(caretAt) ?? 0) + caretAt.length
      const selection = node?.select(offset, offset)
      // As the browser's selection does: typing at the caret takes the style of the text there.
      if (node && selection) selection.format = node.getFormat()
    },
    { discrete: true },
  )
  return { editor, clock }
}

/** A paste event carrying these clipboard types, as Chromium hands one to the editor. */
function pasteEvent(data: Record<string, string>) {
  let prevented = false
  return {
    event: {
      clipboardData: {
        types: Object.keys(data),
        getData: (type: string) => data[type] ?? '',
      },
      preventDefault: () => {
        prevented = true
      },
    } as unknown as ClipboardEvent,
    prevented: () => prevented,
  }
}

function paste(editor: LexicalEditor, data: Record<string, string>): boolean {
  const { event, prevented } = pasteEvent(data)
  editor.update(() => void editor.dispatchCommand(PASTE_COMMAND, event), { discrete: true })
  return prevented()
}

const chord = (code: string, mods: { ctrl?: boolean; shift?: boolean } = {}) =>
  ({
    code,
    key: code.replace('Key', ''),
    ctrlKey: mods.ctrl ?? false,
    shiftKey: mods.shift ?? false,
    altKey: false,
    metaKey: false,
  }) as unknown as KeyboardEvent

function press(editor: LexicalEditor, event: KeyboardEvent): void {
  editor.update(() => void editor.dispatchCommand(KEY_DOWN_COMMAND, event), { discrete: true })
}

const markdownOf = (editor: LexicalEditor): string =>
  editor.getEditorState().read(() => $exportMarkdown())

/** The text of each block, line breaks as `\n`. */
const blockTexts = (editor: LexicalEditor): string[] =>
  editor.getEditorState().read(() =>
    $getRoot()
      .getChildren()
      .map((node) => node.getTextContent()),
  )

const blockKinds = (editor: LexicalEditor): string[] =>
  editor.getEditorState().read(() =>
    $getRoot()
      .getChildren()
      .map((node) => node.getType()),
  )

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

describe('Mod+Shift+V and code blocks', () => {
  const markup = '# Not a heading\n\n\n**not bold**\n- not a list'

  it('pastes plain text after Mod+Shift+V: paragraphs and line breaks, no Markdown', () => {
    const { editor } = openEditor('')
    press(editor, chord('KeyV', { ctrl: true, shift: true }))
    paste(editor, { 'text/plain': markup })
    expect(blockKinds(editor)).toEqual(['paragraph', 'paragraph'])
    expect(blockTexts(editor)).toEqual(['# Not a heading', '**not bold**\n- not a list'])
    editor.getEditorState().read(() => {
      expect(
        $getRoot()
          .getAllTextNodes()
          .every((node) => node.getFormat() === 0),
      ).toBe(true)
    })
  })

  it('makes only the paste that follows the key plain', () => {
    const { editor, clock } = openEditor('')
    press(editor, chord('KeyV', { ctrl: true, shift: true }))
    paste(editor, { 'text/plain': '# plain' })
    paste(editor, { 'text/plain': '\n\n# heading' })
    expect(blockKinds(editor)).toEqual(['paragraph', 'heading'])
    // A key press with no paste after it does not make a later paste plain…
    press(editor, chord('KeyV', { ctrl: true, shift: true }))
    clock.time += PLAIN_PASTE_WINDOW_MS + 1
    paste(editor, { 'text/plain': '\n\n## late' })
    // …nor does one followed by other keys.
    press(editor, chord('KeyV', { ctrl: true, shift: true }))
    press(editor, chord('KeyA'))
    paste(editor, { 'text/plain': '\n\n## after a key' })
    expect(blockKinds(editor)).toEqual(['paragraph', 'heading', 'heading', 'heading'])
    // Ctrl+V alone is an ordinary paste.
    press(editor, chord('KeyV', { ctrl: true }))
    paste(editor, { 'text/plain': '\n\n- item' })
    expect(blockKinds(editor).at(-1)).toBe('list')
  })

  it('pastes into a code block literally, blank lines and markup included', () => {
    const { editor } = openEditor('```\nfirst\n```', 'first')
    paste(editor, { 'text/plain': '\n# not a heading\n\n\n**x**', 'text/html': '<b>x</b>' })
    expect(blockKinds(editor)).toEqual(['code'])
    expect(blockTexts(editor)[0]).toBe('first\n# not a heading\n\n\n**x**')
    editor.getEditorState().read(() => {
      const selection = $getSelection()
      expect($isRangeSelection(selection) && selection.anchor.getNode().getTextContent()).toBe(
        '**x**',
      )
      expect(
        $getRoot()
          .getAllTextNodes()
          .some((node) => $isTextNode(node)),
      ).toBe(true)
    })
  })
})

describe('choosePaste', () => {
  const base = {
    types: ['text/plain'],
    text: '# a',
    html: '',
    plainRequested: false,
    inCode: false,
  }

  it('reads plain text as Markdown, and rich HTML with Lexical', () => {
    expect(choosePaste(base)).toBe('markdown')
    expect(choosePaste({ ...base, types: ['text/plain', 'text/html'], html: '<h1>a</h1>' })).toBe(
      'html',
    )
    expect(choosePaste({ ...base, types: ['text/html'], text: '', html: '<h1>a</h1>' })).toBe(
      'html',
    )
    // The same text sent again as "HTML" is plain text.
    expect(choosePaste({ ...base, types: ['text/plain', 'text/html'], html: '# a' })).toBe(
      'markdown',
    )
    // A code editor's coloured HTML is the Markdown source the writer copied.
    expect(
      choosePaste({
        ...base,
        types: ['text/plain', 'text/html', 'vscode-editor-data'],
        html: '<div><span># a</span></div>',
      }),
    ).toBe('markdown')
  })

  it('puts a code block first, then Mod+Shift+V', () => {
    const html = { types: ['text/plain', 'text/html'], html: '<b>a</b>' }
    expect(choosePaste({ ...base, ...html, inCode: true, plainRequested: true })).toBe('literal')
    expect(choosePaste({ ...base, ...html, plainRequested: true })).toBe('plain')
    expect(choosePaste({ ...base, text: '', plainRequested: true })).toBe('default')
  })
})
