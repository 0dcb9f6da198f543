import { describe, expect, it } from 'vitest'
import { $createParagraphNode, $getRoot, $getSelection, $isRangeSelection } from 'lexical'
import { documentMove } from '../../../../src/renderer/src/editor/plugins/LongDocumentKeys/documentMove'
import { $moveToEdge } from '../../../../src/renderer/src/editor/plugins/LongDocumentKeys/edges'
import { edit, openMarkdown } from '../markdown/markdownEditor'

const chord = (
  key: string,
  mods: Partial<Record<'ctrl' | 'meta' | 'alt' | 'shift', boolean>> = {},
) => ({
  key,
  ctrlKey: !!mods.ctrl,
  metaKey: !!mods.meta,
  altKey: !!mods.alt,
  shiftKey: !!mods.shift,
})

describe('the document-wide caret moves Quire makes itself', () => {
  it('reads Ctrl+Home/End elsewhere and ⌘↑/⌘↓ on macOS, PageUp/PageDown off macOS, Shift extending', () => {
    expect(documentMove(chord('End', { ctrl: true }), false)).toEqual({ to: 'end', extend: false })
    expect(documentMove(chord('Home', { ctrl: true, shift: true }), false)).toEqual({
      to: 'start',
      extend: true,
    })
    expect(documentMove(chord('ArrowDown', { meta: true }), true)).toEqual({
      to: 'end',
      extend: false,
    })
    expect(documentMove(chord('PageDown', { shift: true }), false)).toEqual({
      to: 'pageDown',
      extend: true,
    })
    expect(documentMove(chord('PageUp'), false)).toEqual({ to: 'pageUp', extend: false })
    // Left to the browser: plain Home/End (the line), ⌘Home on macOS, Ctrl+↓ elsewhere (a word
    // or paragraph move), Alt chords, other modifiers on PageDown, and PageDown on macOS (it
    // only scrolls there).
    for (const [key, mods, isMac] of [
      ['End', {}, false],
      ['Home', { meta: true }, true],
      ['ArrowDown', { ctrl: true }, false],
      ['End', { ctrl: true, alt: true }, false],
      ['End', { ctrl: true, meta: true }, false],
      ['PageDown', { ctrl: true }, false],
      ['PageDown', {}, true],
      ['a', { ctrl: true }, false],
    ] as const)
      expect(documentMove(chord(key, mods), isMac), `${key} ${JSON.stringify(mods)}`).toBeNull()
  })

  it('puts the caret at the very start or end of any document, and with Shift keeps the anchor', () => {
    const editor = openMarkdown('# 河边\n\nThe lamps came on.\n\n- first\n- last *item*\n')
    const read = () =>
      editor.getEditorState().read(() => {
        const selection = $getSelection()
        if (!$isRangeSelection(selection)) return null
        const describe = (point: typeof selection.anchor) => {
          const node = point.getNode()
          return `${node.getTextContent()}@${point.offset}`
        }
        return { anchor: describe(selection.anchor), focus: describe(selection.focus) }
      })
    edit(editor, () => $moveToEdge('end', false))
    expect(read()).toEqual({ anchor: 'item@4', focus: 'item@4' })
    edit(editor, () => $moveToEdge('start', true))
    expect(read()).toEqual({ anchor: 'item@4', focus: '河边@0' })
    edit(editor, () => $moveToEdge('start', false))
    expect(read()).toEqual({ anchor: '河边@0', focus: '河边@0' })
    // A document ending in an empty paragraph: the caret goes into it, not to the text before.
    edit(editor, () => {
      $getRoot().append($createParagraphNode())
      $moveToEdge('end', false)
    })
    expect(
      editor.getEditorState().read(() => {
        const selection = $getSelection()
        return $isRangeSelection(selection)
          ? [selection.focus.type, selection.focus.getNode().is($getRoot().getLastChild())]
          : null
      }),
    ).toEqual(['element', true])
  })
})
