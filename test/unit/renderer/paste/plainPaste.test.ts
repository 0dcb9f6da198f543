import { describe, expect, it } from 'vitest'
import { $getRoot, $getSelection, $isRangeSelection, $isTextNode } from 'lexical'
import {
  PLAIN_PASTE_WINDOW_MS,
  plainPasteKey,
} from '../../../../src/renderer/src/editor/plugins/Paste/plainPasteKey'
import type { KeyChord } from '../../../../src/renderer/src/editor/shortcuts'
import { choosePaste } from '../../../../src/renderer/src/editor/plugins/Paste/pasteKind'
import { blockKinds, blockTexts, chord, openEditor, paste, press } from './pasteEditor'

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

describe('the plain-paste key on macOS', () => {
  it('is ⌘⇧V there, not Ctrl+Shift+V', () => {
    const key = plainPasteKey(true, () => 0)
    const press = (mods: Partial<KeyChord>) =>
      key.keyDown({
        code: 'KeyV',
        ctrlKey: false,
        metaKey: false,
        altKey: false,
        shiftKey: false,
        ...mods,
      })
    press({ metaKey: true, shiftKey: true })
    expect(key.take()).toBe(true)
    press({ ctrlKey: true, shiftKey: true })
    expect(key.take()).toBe(false)
    // Taken once: the next paste is an ordinary one.
    press({ metaKey: true, shiftKey: true })
    key.take()
    expect(key.take()).toBe(false)
  })
})
