import { mergeRegister } from '@lexical/utils'
import {
  $getSelection,
  $isSelectionCapturedInDecoratorInput,
  isDOMNode,
  COMMAND_PRIORITY_CRITICAL,
  COMMAND_PRIORITY_LOW,
  KEY_DOWN_COMMAND,
  PASTE_COMMAND,
  PASTE_TAG,
  type LexicalEditor,
} from 'lexical'
import { $insertPaste, $selectionInCode } from './insertPaste'
import { choosePaste } from './pasteKind'
import { plainPasteKey } from './plainPasteKey'

/** The part of a paste event read here (a ClipboardEvent in the app, a stand-in in tests). */
type ClipboardLike = {
  clipboardData: Pick<DataTransfer, 'getData' | 'types'> | null
  target?: EventTarget | null
  preventDefault(): void
}

const hasClipboard = (event: unknown): event is ClipboardLike =>
  typeof event === 'object' &&
  event !== null &&
  'clipboardData' in event &&
  (event as ClipboardLike).clipboardData != null

type Options = { isMac: boolean; now?: () => number }

/**
 * Markdown paste and Mod+Shift+V: plain text is read as Markdown (as a document is), Mod+Shift+V
 * pastes paragraphs only, a code block takes text literally, rich HTML goes through Lexical's
 * HTML import without empty paragraphs, and Lexical's own nodes and files go on to its
 * rich-text paste. One paste, one undo step.
 */
export function registerPaste(editor: LexicalEditor, { isMac, now }: Options): () => void {
  const plainKey = plainPasteKey(isMac, now)
  return mergeRegister(
    // Critical and never handled: it only watches, whoever else acts on the key.
    editor.registerCommand(
      KEY_DOWN_COMMAND,
      (event) => (plainKey.keyDown(event), false),
      COMMAND_PRIORITY_CRITICAL,
    ),
    editor.registerCommand(
      PASTE_COMMAND,
      (event) => {
        const plainRequested = plainKey.take()
        if (!hasClipboard(event) || !event.clipboardData) return false
        // A field inside the editor (as Lexical's own paste leaves it alone) pastes by itself.
        if (isDOMNode(event.target) && $isSelectionCapturedInDecoratorInput(event.target))
          return false
        const data = event.clipboardData
        const pasted = { text: data.getData('text/plain'), html: data.getData('text/html') }
        const kind = choosePaste({
          types: [...data.types],
          ...pasted,
          plainRequested,
          inCode: $selectionInCode($getSelection()),
        })
        if (kind === 'default') return false
        event.preventDefault()
        editor.update(
          () => {
            const selection = $getSelection()
            if (selection) $insertPaste(kind, pasted, selection)
          },
          // Lexical's paste tag: the paste is its own undo step, apart from the typing before it.
          { tag: PASTE_TAG },
        )
        return true
      },
      // Before the rich-text plugin's paste (editor priority), which takes every paste.
      COMMAND_PRIORITY_LOW,
    ),
  )
}
