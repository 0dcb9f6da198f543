import { useLayoutEffect } from 'react'
import type { LexicalEditor } from 'lexical'
import type { GhostState } from './ghostState'
import { paintGhost } from './paintGhost'

/**
 * Keeps the ghost drawn after the cursor while it is open: drawn again after every editor
 * update (Lexical may have replaced the element it hung on) and erased when it closes.
 * `onUnplaced(true)` when the cursor is inside a word, where it cannot be drawn inline.
 */
export function useGhostPaint(
  editor: LexicalEditor,
  state: GhostState,
  text: string,
  hint: string,
  onUnplaced: (unplaced: boolean) => void,
): void {
  const anchor = state.phase === 'open' ? state.anchor : null
  useLayoutEffect(() => {
    if (!anchor || text === '') {
      onUnplaced(false)
      return
    }
    let painted = paintGhost(editor, anchor, text, hint)
    onUnplaced(!painted.drawn)
    const unregister = editor.registerUpdateListener(() => {
      painted.erase()
      painted = paintGhost(editor, anchor, text, hint)
    })
    return () => {
      unregister()
      painted.erase()
    }
  }, [editor, anchor, text, hint, onUnplaced])
}
