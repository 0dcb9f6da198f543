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

type Hooks = {
  /** Whether a ghost is showing (then nothing more is asked for). */
  ghostOpen(): boolean
  /** Whether the writer is still in the editor when the pause ends. */
  focused(): boolean
  suggest(): void
}

/**
 * Auto-suggest: after the writer types and pauses at the end of a line, asks for a
 * continuation. Any further change, an undo, or a ghost already showing resets the wait.
 * Returns a disposer.
 */
export function registerAutoSuggest(editor: LexicalEditor, hooks: Hooks): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null
  const clear = (): void => {
    if (timer !== null) clearTimeout(timer)
    timer = null
  }
  const unregister = editor.registerUpdateListener(({ editorState, dirtyLeaves, tags }) => {
    clear()
    const typed = dirtyLeaves.size > 0 && !tags.has(HISTORIC_TAG) && !tags.has(GHOST_TAKE_TAG)
    if (!typed || hooks.ghostOpen() || !editorState.read($atEndOfText)) return
    timer = setTimeout(() => {
      timer = null
      if (!hooks.ghostOpen() && hooks.focused()) hooks.suggest()
    }, AUTO_SUGGEST_PAUSE_MS)
  })
  return () => {
    clear()
    unregister()
  }
}

/** Auto-suggest while `enabled` (the setting, off by default). */
export function useAutoSuggest(
  editor: LexicalEditor,
  store: GhostStore,
  enabled: boolean,
  suggest: () => void,
): void {
  useEffect(() => {
    if (!enabled) return
    return registerAutoSuggest(editor, {
      ghostOpen: () => store.get().phase === 'open',
      focused: () => {
        const root = editor.getRootElement()
        return !!root && root.contains(document.activeElement)
      },
      suggest,
    })
  }, [editor, store, enabled, suggest])
}
