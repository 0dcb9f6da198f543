import { $getRoot, type LexicalEditor, type NodeKey } from 'lexical'
import { countText, type TextCounts } from '@shared/documents'

/**
 * The document's counts kept per top-level block, so counting after a keystroke recounts only
 * the block it changed, not a million characters. Blocks are joined by blank lines in the
 * document's text and `countText` neither counts nor joins across white space, so the sum of
 * the blocks' counts is the count of the whole text.
 */
export type BlockCounter = {
  /** The whole document's counts; recounts only blocks changed since the last call. */
  $count(): TextCounts
  /** Stops following the editor's updates. */
  dispose(): void
}

/** A counter that forgets each block an update touches (Lexical marks a changed node's parents dirty too). */
export function createBlockCounter(editor: LexicalEditor): BlockCounter {
  const counts = new Map<NodeKey, TextCounts>()
  const dispose = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
    for (const key of dirtyElements.keys()) counts.delete(key)
    for (const key of dirtyLeaves) counts.delete(key)
  })
  return {
    $count() {
      const root = $getRoot()
      let words = 0
      let chars = 0
      for (const block of root.getChildren()) {
        const key = block.getKey()
        let count = counts.get(key)
        if (!count) {
          count = countText(block.getTextContent())
          counts.set(key, count)
        }
        words += count.words
        chars += count.chars
      }
      // Forget blocks that are gone (deleted, or replaced when another document opened).
      if (counts.size > 2 * root.getChildrenSize() + 64) counts.clear()
      return { words, chars }
    },
    dispose,
  }
}
