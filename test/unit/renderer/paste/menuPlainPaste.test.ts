import { describe, expect, it } from 'vitest'
import { Window } from 'happy-dom'
import { $setSelection, UNDO_COMMAND } from 'lexical'
import {
  menuPasteTarget,
  pastePlainText,
} from '../../../../src/renderer/src/editor/plugins/Paste/menuPlainPaste'
import { blockKinds, blockTexts, markdownOf, openEditor } from './pasteEditor'

describe('Edit › Paste and Match Style in the editor', () => {
  it('pastes the clipboard text as plain paragraphs in the style around the caret, as one undo step', () => {
    const { editor } = openEditor('Before **bold**', 'bold')
    expect(pastePlainText(editor, ' # not a heading\n\n\n- not a list\n**not bold**')).toBe(true)
    expect(blockKinds(editor)).toEqual(['paragraph', 'paragraph'])
    expect(blockTexts(editor)).toEqual([
      'Before bold # not a heading',
      '- not a list\n**not bold**',
    ])
    // The caret was in bold text: what is pasted there is bold too, and carries no markup.
    expect(markdownOf(editor)).toContain('**bold # not a heading**')
    editor.update(() => void editor.dispatchCommand(UNDO_COMMAND, undefined), { discrete: true })
    expect(blockTexts(editor)).toEqual(['Before bold'])
  })

  it('pastes literally inside a code block, and does nothing with an empty clipboard', () => {
    const { editor } = openEditor('```\nfirst\n```', 'first')
    expect(pastePlainText(editor, '\n# kept\n\n\nas is')).toBe(true)
    expect(blockKinds(editor)).toEqual(['code'])
    expect(blockTexts(editor)).toEqual(['first\n# kept\n\n\nas is'])
    expect(pastePlainText(editor, '')).toBe(false)
    expect(blockTexts(editor)).toEqual(['first\n# kept\n\n\nas is'])
  })

  it('does nothing when the editor has no selection (the focus is elsewhere)', () => {
    const { editor } = openEditor('Text')
    editor.update(() => $setSelection(null), { discrete: true })
    expect(pastePlainText(editor, 'pasted')).toBe(false)
    expect(blockTexts(editor)).toEqual(['Text'])
  })
})

describe('where the Edit menu’s plain paste goes', () => {
  const { document } = new Window()
  const root = document.createElement('div')
  const paragraph = document.createElement('p')
  root.appendChild(paragraph)
  const input = (type: string, attrs: Partial<HTMLInputElement> = {}) =>
    Object.assign(document.createElement('input'), { type, ...attrs }) as unknown as Element

  it('goes to the editor when the focus is in it, and to a text field in a panel', () => {
    const asElement = (node: unknown) => node as Element
    const editorRoot = root as unknown as HTMLElement
    expect(menuPasteTarget(editorRoot, asElement(paragraph))).toBe('editor')
    expect(menuPasteTarget(editorRoot, input('text'))).toBe('field')
    expect(menuPasteTarget(editorRoot, input('search'))).toBe('field')
    expect(menuPasteTarget(editorRoot, asElement(document.createElement('textarea')))).toBe('field')
  })

  it('goes nowhere for a button, a checkbox, a read-only or disabled field, or no focus', () => {
    const editorRoot = root as unknown as HTMLElement
    expect(menuPasteTarget(editorRoot, input('checkbox'))).toBe('none')
    expect(menuPasteTarget(editorRoot, input('text', { readOnly: true }))).toBe('none')
    expect(menuPasteTarget(editorRoot, input('text', { disabled: true }))).toBe('none')
    expect(
      menuPasteTarget(editorRoot, document.createElement('button') as unknown as Element),
    ).toBe('none')
    expect(menuPasteTarget(editorRoot, null)).toBe('none')
  })
})
