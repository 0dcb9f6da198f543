import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getSelection, $isRangeSelection } from 'lexical'
import type { EditorControls } from '../../../library/LibraryPanel'
import { RUN_PROMPT_COMMAND } from '../Suggestion/commands'

/** Hands panels outside the editor (the Library, the palette) its selection, a way to run a prompt on it, and focus. */
export function EditorBridgePlugin({
  onControls,
}: {
  onControls(controls: EditorControls | null): void
}): null {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    onControls({
      selectionText: () =>
        editor.getEditorState().read(() => {
          const selection = $getSelection()
          return $isRangeSelection(selection) ? selection.getTextContent() : ''
        }),
      runPrompt: (promptId, variables) =>
        editor.dispatchCommand(RUN_PROMPT_COMMAND, { promptId, variables }),
      dispatch: (command, payload) => editor.dispatchCommand(command, payload),
      focus: () => editor.focus(),
    })
    return () => onControls(null)
  }, [editor, onControls])
  return null
}
