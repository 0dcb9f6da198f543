import { $getSelection, $isRangeSelection, HISTORIC_TAG, type LexicalEditor } from 'lexical'
import { mergeRegister } from '@lexical/utils'
import { GHOST_TAKE_TAG } from './ghostController'
import type { GhostStore } from './ghostStore'

/** Whether the cursor is still exactly where the ghost hangs. */
function $cursorAt(anchor: { key: string; offset: number; type: string }): boolean {
  const selection = $getSelection()
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false
  const { key, offset, type } = selection.anchor
  return key === anchor.key && offset === anchor.offset && type === anchor.type
}

/**
 * Dismisses the ghost when the writer does anything but take it: types or otherwise edits the
 * document (another tab's edit too), undoes, moves the cursor or selects, or starts an IME
 * composition (the composed text would land under the ghost).
 */
export function registerGhostDismissal(
  editor: LexicalEditor,
  store: GhostStore,
  dismiss: () => void,
): () => void {
  const onComposition = (): void => dismiss()
  return mergeRegister(
    editor.registerUpdateListener(({ editorState, dirtyLeaves, dirtyElements, tags }) => {
      const state = store.get()
      if (state.phase !== 'open' || tags.has(GHOST_TAKE_TAG)) return
      const edited =
        dirtyLeaves.size > 0 || [...dirtyElements.values()].some(Boolean) || tags.has(HISTORIC_TAG)
      if (edited || !editorState.read(() => $cursorAt(state.anchor))) dismiss()
    }),
    editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('compositionstart', onComposition)
      root?.addEventListener('compositionstart', onComposition)
    }),
  )
}
