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
import { $insertPastedText, $selectionInCode } from './insertPaste'
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
 * pastes paragraphs only, a code block takes text literally, and anything else (rich HTML,
 * Lexical's own nodes, files) goes on to Lexical's rich-text paste. One paste, one undo step.
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
        const text = data.getData('text/plain')
        const kind = choosePaste({
          types: [...data.types],
          text,
          html: data.getData('text/html'),
          plainRequested,
          inCode: $selectionInCode($getSelection()),
        })
        if (kind === 'default') return false
        event.preventDefault()
        editor.update(
          () => {
            const selection = $getSelection()
            if (selection) $insertPastedText(text, kind, selection)
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
