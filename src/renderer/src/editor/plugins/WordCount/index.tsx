import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getSelection, $isRangeSelection } from 'lexical'
import { countText, type TextCounts } from '@shared/documents'
import { createBlockCounter } from './blockCounts'

/** Long documents are counted at most this often while the writer types. */
const COUNT_DELAY_MS = 250

/**
 * Counts the document's words and characters (each CJK character a word) and the selection's,
 * with the same counter as the document list, so the two agree.
 */
export function WordCountPlugin({
  onCounts,
}: {
  onCounts(counts: TextCounts, selection: TextCounts | null): void
}): null {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    let timer: number | undefined
    const counter = createBlockCounter(editor)
    const count = (): void => {
      timer = undefined
      editor.getEditorState().read(() => {
        const selection = $getSelection()
        const selected =
          $isRangeSelection(selection) && !selection.isCollapsed()
            ? countText(selection.getTextContent())
            : null
        onCounts(counter.$count(), selected)
      })
    }
    count()
    const stop = editor.registerUpdateListener(() => {
      if (timer === undefined) timer = window.setTimeout(count, COUNT_DELAY_MS)
    })
    return () => {
      stop()
      counter.dispose()
      window.clearTimeout(timer)
    }
  }, [editor, onCounts])
  return null
}
