import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getSelection, $isRangeSelection } from 'lexical'
import type { EditorControls } from '../../../library/LibraryPanel'
import { RUN_PROMPT_COMMAND } from '../Suggestion/commands'

/** Hands panels outside the editor (the Library) its selection and a way to run a prompt on it. */
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
    })
    return () => onControls(null)
  }, [editor, onControls])
  return null
}
