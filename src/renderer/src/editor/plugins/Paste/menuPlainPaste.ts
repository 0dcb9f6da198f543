import { $getSelection, PASTE_TAG, type LexicalEditor } from 'lexical'
import { $insertPaste, $selectionInCode } from './insertPaste'

/** Where the Edit menu's plain paste goes: the editor, a text field, or nowhere. */
export type MenuPasteTarget = 'editor' | 'field' | 'none'

/** The focused element decides, as it does for the menu's ordinary Paste. */
export function menuPasteTarget(
  editorRoot: HTMLElement | null,
  focused: Element | null,
): MenuPasteTarget {
  if (!focused) return 'none'
  if (editorRoot?.contains(focused)) return 'editor'
  const field = focused as Partial<HTMLInputElement>
  const typed =
    focused.tagName === 'TEXTAREA' ||
    (focused.tagName === 'INPUT' && TEXT_INPUTS.has((field.type ?? 'text').toLowerCase()))
  return typed && !field.readOnly && !field.disabled ? 'field' : 'none'
}

/** Inputs that take typed text (a checkbox or a button takes no paste). */
const TEXT_INPUTS = new Set(['text', 'search', 'url', 'email', 'tel', 'password', 'number'])

/**
 * Pastes text at the editor's selection as Mod+Shift+V does: plain paragraphs and line breaks
 * in the style around the caret (literally inside a code block), one undo step. False when the
 * editor has no selection or the text is empty.
 */
export function pastePlainText(editor: LexicalEditor, text: string): boolean {
  let pasted = false
  editor.update(
    () => {
      const selection = $getSelection()
      if (!selection || text === '') return
      $insertPaste($selectionInCode(selection) ? 'literal' : 'plain', { text, html: '' }, selection)
      pasted = true
    },
    { tag: PASTE_TAG, discrete: true },
  )
  return pasted
}
