import { useEffect } from 'react'
import {
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  HISTORIC_TAG,
  type LexicalEditor,
} from 'lexical'
import { GHOST_TAKE_TAG } from './ghostController'
import type { GhostStore } from './ghostStore'

/** How long the writer pauses before a continuation is asked for by itself. */
export const AUTO_SUGGEST_PAUSE_MS = 1_500

/** Whether the cursor ends a line of text the writer has just typed into. */
function $atEndOfText(): boolean {
  const selection = $getSelection()
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false
  const node = selection.anchor.getNode()
  return (
    $isTextNode(node) &&
    selection.anchor.offset === node.getTextContentSize() &&
    node.getNextSibling() === null &&
    node.getTextContent().trim() !== ''
  )
}

/**
 * Auto-suggest (off by default): after the writer types and pauses at the end of a line, asks
 * for a continuation. Any further key, undo, or the ghost being open resets the wait.
 */
export function useAutoSuggest(
  editor: LexicalEditor,
  store: GhostStore,
  enabled: boolean,
  suggest: () => void,
): void {
  useEffect(() => {
    if (!enabled) return
    let timer: number | null = null
    const clear = (): void => {
      if (timer !== null) window.clearTimeout(timer)
      timer = null
    }
    const unregister = editor.registerUpdateListener(({ editorState, dirtyLeaves, tags }) => {
      clear()
      const typed = dirtyLeaves.size > 0 && !tags.has(HISTORIC_TAG) && !tags.has(GHOST_TAKE_TAG)
      if (!typed || store.get().phase === 'open' || !editor.isEditable()) return
      if (!editorState.read($atEndOfText)) return
      timer = window.setTimeout(() => {
        timer = null
        if (store.get().phase === 'idle' && editor.getRootElement() === document.activeElement)
          suggest()
      }, AUTO_SUGGEST_PAUSE_MS)
    })
    return () => {
      clear()
      unregister()
    }
  }, [editor, store, enabled, suggest])
}
